import Foundation

/// A mailbox for a header (RFC 5322 §3.4): `"Name" <address>` or `=?utf-8?B?…?= <address>`.
enum MailboxText {
    static func render(name: String, address: String) -> String {
        let cleanName = HeaderText.sanitized(name)
        let cleanAddress = String(decoding: HeaderText.sanitized(address).utf8.filter {
            $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") && $0 != 0x20
        }, as: UTF8.self)
        guard !cleanName.isEmpty else { return "<\(cleanAddress)>" }
        if cleanName.unicodeScalars.allSatisfy(\.isASCII) {
            let needsEscape = cleanName.utf8.contains { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") }
            let escaped = needsEscape
                ? cleanName.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") : cleanName
            return "\"\(escaped)\" <\(cleanAddress)>"
        }
        return HeaderText.encodedWords(cleanName).joined(separator: " ") + " <\(cleanAddress)>"
    }
}
