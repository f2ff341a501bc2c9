/// Folds text to the comparison form the rules are written in: lower case, German umlauts and ß
/// spelled out (so "Störung", "Stoerung" and "STÖRUNG" are one word), common Latin accents removed,
/// apostrophes dropped ("didn't" → "didnt"). Everything that is not a letter or digit separates words.
enum TextFolding {
    /// What one Unicode scalar becomes in folded text.
    enum Folded {
        case pair(UInt8, UInt8)
        case letter(UInt8)
        case other(Unicode.Scalar)
        case joiner
        case separator
    }

    static func fold(_ scalar: Unicode.Scalar) -> Folded {
        let value = scalar.value
        if value < 0x80 {
            let byte = UInt8(value)
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .letter(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): return .letter(byte + 32)
            case UInt8(ascii: "'"): return .joiner
            default: return .separator
            }
        }
        switch value {
        case 0xE4, 0xC4: return .pair(UInt8(ascii: "a"), UInt8(ascii: "e"))
        case 0xF6, 0xD6: return .pair(UInt8(ascii: "o"), UInt8(ascii: "e"))
        case 0xFC, 0xDC: return .pair(UInt8(ascii: "u"), UInt8(ascii: "e"))
        case 0xDF, 0x1E9E: return .pair(UInt8(ascii: "s"), UInt8(ascii: "s"))
        case 0xE0...0xE3, 0xE5, 0xC0...0xC3, 0xC5: return .letter(UInt8(ascii: "a"))
        case 0xE7, 0xC7: return .letter(UInt8(ascii: "c"))
        case 0xE8...0xEB, 0xC8...0xCB: return .letter(UInt8(ascii: "e"))
        case 0xEC...0xEF, 0xCC...0xCF: return .letter(UInt8(ascii: "i"))
        case 0xF1, 0xD1: return .letter(UInt8(ascii: "n"))
        case 0xF2...0xF5, 0xF8, 0xD2...0xD5, 0xD8: return .letter(UInt8(ascii: "o"))
        case 0xF9...0xFB, 0xD9...0xDB: return .letter(UInt8(ascii: "u"))
        case 0x2019, 0x2018, 0xB4: return .joiner
        default:
            if scalar.properties.isAlphabetic {
                return .other(scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar)
            }
            return .separator
        }
    }

    /// Appends the folded bytes of `scalar` to `out`; returns false for separators.
    @inline(__always)
    static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) -> Bool {
        switch fold(scalar) {
        case .letter(let byte): out.append(byte)
        case .pair(let first, let second): out.append(first); out.append(second)
        case .other(let lower): out.append(contentsOf: Array(String(lower).utf8))
        case .joiner: break
        case .separator: return false
        }
        return true
    }

    /// The folded form of a short string with every separator removed: how a pattern term is stored,
    /// so that "E-Mail", "e-mail" and "email" in a rule file are the same term.
    static func foldedTerm<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars) -> [UInt8] {
        var out: [UInt8] = []
        for scalar in scalars { _ = append(scalar, to: &out) }
        return out
    }
}
