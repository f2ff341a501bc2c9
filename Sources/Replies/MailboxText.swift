import Foundation

/// A mailbox for a header (RFC 5322 §3.4): `"Name" <address>` or `=?utf-8?B?…?= <address>`.
enum MailboxText {
    static func render(name: String, address: String) -> String {
        let cleanName = HeaderText.sanitized(name)
        let cleanAddress = HeaderText.sanitized(address).filter { $0 != "<" && $0 != ">" && $0 != " " }
        guard !cleanName.isEmpty else { return "<\(cleanAddress)>" }
        if cleanName.unicodeScalars.allSatisfy(\.isASCII) {
            let escaped = cleanName.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\" <\(cleanAddress)>"
        }
        return HeaderText.encodedWords(cleanName).joined(separator: " ") + " <\(cleanAddress)>"
    }
}
