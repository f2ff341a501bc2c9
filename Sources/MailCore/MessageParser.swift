import Foundation
/// Parses raw RFC 5322 / MIME bytes into a `ParsedMessage`. Never throws, never traps.
public enum MessageParser {
    // PLACEHOLDER: the real parser replaces this naive split (Foundation issue).
    public static func parse(_ bytes: [UInt8]) -> ParsedMessage {
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let split = text.range(of: "\n\n")
        let head = split.map { String(text[..<$0.lowerBound]) } ?? text
        let body = split.map { String(text[$0.upperBound...]) } ?? ""
        var headers: [HeaderField] = []
        for line in head.split(separator: "\n", omittingEmptySubsequences: false) {
            if let first = line.first, first == " " || first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                headers.append(HeaderField(name: String(line[..<colon]),
                                           value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
        }
        var message = ParsedMessage(headers: headers, textBody: body)
        message.subject = message.header("Subject")
        message.messageID = message.header("Message-ID")?.trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
        message.autoSubmitted = message.header("Auto-Submitted")
        message.precedence = message.header("Precedence")
        if let from = message.header("From"), let at = from.firstIndex(of: "@") {
            _ = at
            let address = from.components(separatedBy: CharacterSet(charactersIn: "<> ")).first { $0.contains("@") } ?? from
            message.from = [Mailbox(name: "", address: address)]
        }
        return message
    }
}
