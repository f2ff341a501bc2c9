/// Writes JSON string literals (RFC 8259 §7): quotes, backslashes and control characters
/// escaped, everything else (including non-ASCII) kept as UTF-8. The one JSON string writer of the
/// project: `parse --json`, `classify --json`, `tickets --json` and the store's JSON columns use it.
public enum JSONString {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    public static func quoted(_ text: String) -> String {
        var out: [UInt8] = [ASCII.quote]
        out.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 {
            switch byte {
            case ASCII.quote: out += [ASCII.backslash, ASCII.quote]
            case ASCII.backslash: out += [ASCII.backslash, ASCII.backslash]
            case ASCII.lf: out += [ASCII.backslash, UInt8(ascii: "n")]
            case ASCII.cr: out += [ASCII.backslash, UInt8(ascii: "r")]
            case ASCII.tab: out += [ASCII.backslash, UInt8(ascii: "t")]
            case 0..<0x20, 0x7F:
                out += Array("\\u00".utf8) + [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            default: out.append(byte)
            }
        }
        out.append(ASCII.quote)
        return String(decoding: out, as: UTF8.self)
    }

    public static func quotedOrNull(_ text: String?) -> String {
        text.map(quoted) ?? "null"
    }
}
