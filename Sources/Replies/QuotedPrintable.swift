/// Quoted-printable body encoding (RFC 2045 §6.7) with CRLF line ends, for UTF-8 text. Works on
/// the UTF-8 bytes in one pass: every reply goes through it, so it must cost little.
enum QuotedPrintable {
    /// RFC 2045 §6.7 rule 5: encoded lines are at most 76 characters.
    static let maxLineLength = 76
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Encodes `text`; any line ending (CRLF, LF, CR) becomes a hard CRLF break, and the result ends in one.
    static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8 + 2)
        var line: [UInt8] = []
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == 0x0A, previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = byte == 0x0D
            if byte == 0x0A || byte == 0x0D {
                appendLine(line, to: &out)
                line.removeAll(keepingCapacity: true)
            } else {
                line.append(byte)
            }
        }
        appendLine(line, to: &out)
        return out
    }

    /// One encoded line with soft breaks (`=` CRLF) before the length limit, then a hard CRLF.
    private static func appendLine(_ bytes: [UInt8], to out: inout [UInt8]) {
        var lineLength = 0
        for (index, byte) in bytes.enumerated() {
            // Trailing blanks would be stripped in transit (rule 3).
            let isLast = index == bytes.count - 1
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                || ((byte == 0x20 || byte == 0x09) && !isLast)
            let width = literal ? 1 : 3
            if lineLength + width > maxLineLength - 1 {
                out += [UInt8(ascii: "="), 0x0D, 0x0A]
                lineLength = 0
            }
            if literal {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
            lineLength += width
        }
        out += [0x0D, 0x0A]
    }
}
