import Foundation

/// Quoted-printable body encoding (RFC 2045 §6.7) with CRLF line ends, for UTF-8 text.
enum QuotedPrintable {
    /// RFC 2045 §6.7 rule 5: encoded lines are at most 76 characters.
    static let maxLineLength = 76
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Encodes `text`; any line ending (CRLF, LF, CR) becomes a hard CRLF break.
    static func encode(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var out = ""
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            out += encodeLine(Array(line.utf8)) + "\r\n"
        }
        return out
    }

    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var lineLength = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            // Trailing blanks would be stripped in transit (rule 3), and a leading dot or "From " is fragile.
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                || ((byte == 0x20 || byte == 0x09) && !isLast)
            let piece: [UInt8] = literal ? [byte] : [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            if lineLength + piece.count > maxLineLength - 1 {
                out += [UInt8(ascii: "="), 0x0D, 0x0A]
                lineLength = 0
            }
            out += piece
            lineLength += piece.count
        }
        return String(decoding: out, as: UTF8.self)
    }
}
