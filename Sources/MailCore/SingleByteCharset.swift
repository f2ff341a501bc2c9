/// Fast decoders for the single-byte charsets most German mail uses, without iconv.
enum SingleByteCharset {
    /// windows-1252 code points for 0x80...0x9F (WHATWG: undefined bytes map to the C1 control).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// ISO-8859-15 (Latin-9, the euro sign's Latin-1): eight code points differ from ISO-8859-1.
    static func latin9<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        decode(bytes) { byte in
            switch byte {
            case 0xA4: return 0x20AC
            case 0xA6: return 0x0160
            case 0xA8: return 0x0161
            case 0xB4: return 0x017D
            case 0xB8: return 0x017E
            case 0xBC: return 0x0152
            case 0xBD: return 0x0153
            case 0xBE: return 0x0178
            default: return UInt32(byte)
            }
        }
    }

    /// windows-1252, the charset Outlook really uses when it says iso-8859-1 or nothing.
    static func windows1252<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        decode(bytes) { byte in
            byte >= 0x80 && byte <= 0x9F ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
        }
    }

    private static func decode<C: Collection>(_ bytes: C, _ codePoint: (UInt8) -> UInt32) -> String
    where C.Element == UInt8 {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 4)
        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
                continue
            }
            let scalar = codePoint(byte)
            if scalar < 0x800 {
                utf8.append(UInt8(0xC0 | (scalar >> 6)))
                utf8.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                utf8.append(UInt8(0xE0 | (scalar >> 12)))
                utf8.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                utf8.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
