/// Splits a structured header value into RFC 5322 §3.2 lexical tokens: atoms (runs of anything
/// that is not a special, whitespace, quote or comment), quoted-strings (unescaped), domain
/// literals and single specials. Comments and folding whitespace are dropped (CFWS), but each token
/// remembers whether CFWS preceded it, so phrases keep their word spacing.
struct HeaderTokenizer {
    enum Kind: Equatable {
        case atom
        case quoted
        case domainLiteral
        case special(UInt8)
    }

    struct Token {
        var kind: Kind
        /// The token's text (a slice of the header, or the unescaped content of a quoted-string).
        var bytes: ArraySlice<UInt8>
        var spaceBefore: Bool
    }

    /// RFC 5322 §3.2.3 specials, without "." and "\" (kept inside atoms: obs-phrase, real-world names).
    @inline(__always)
    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "@"), UInt8(ascii: ","), ASCII.quote:
            return true
        default:
            return false
        }
    }

    static func tokens(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 4 + 4)
        var index = 0
        var space = false
        while index < bytes.count {
            let byte = bytes[index]
            if ASCII.isWhitespace(byte) {
                space = true
                index += 1
            } else if byte == UInt8(ascii: "(") {
                index = skipComment(bytes, from: index)
                space = true
            } else if byte == ASCII.quote {
                let (content, end) = quotedString(bytes, from: index + 1)
                index = end
                tokens.append(Token(kind: .quoted, bytes: content, spaceBefore: space))
                space = false
            } else if byte == UInt8(ascii: "[") {
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "]") { index += 1 }
                index = min(index + 1, bytes.count)
                tokens.append(Token(kind: .domainLiteral, bytes: bytes[start..<index], spaceBefore: space))
                space = false
            } else if byte == UInt8(ascii: ".") || isSpecial(byte) {
                tokens.append(Token(kind: .special(byte), bytes: bytes[index...index], spaceBefore: space))
                space = false
                index += 1
            } else {
                let start = index
                while index < bytes.count, !ASCII.isWhitespace(bytes[index]), !isSpecial(bytes[index]),
                      bytes[index] != UInt8(ascii: ".") {
                    index += 1
                }
                tokens.append(Token(kind: .atom, bytes: bytes[start..<index], spaceBefore: space))
                space = false
            }
        }
        return tokens
    }

    /// RFC 5322 §3.2.4 quoted-string content from `start` (after the opening quote): a slice when
    /// there is nothing to unescape. Returns the content and the index after the closing quote.
    private static func quotedString(_ bytes: [UInt8], from start: Int) -> (ArraySlice<UInt8>, Int) {
        var index = start
        while index < bytes.count, bytes[index] != ASCII.quote, bytes[index] != ASCII.backslash,
              bytes[index] != ASCII.cr, bytes[index] != ASCII.lf {
            index += 1
        }
        if index >= bytes.count || bytes[index] == ASCII.quote {
            return (bytes[start..<index], index + 1)
        }
        var content = Array(bytes[start..<index])
        while index < bytes.count, bytes[index] != ASCII.quote {
            if bytes[index] == ASCII.backslash, index + 1 < bytes.count { index += 1 }
            if bytes[index] != ASCII.cr, bytes[index] != ASCII.lf { content.append(bytes[index]) }
            index += 1
        }
        return (content[...], index + 1)
    }

    /// RFC 5322 §3.2.2: comments nest and may contain quoted-pairs. Returns the index after it.
    private static func skipComment(_ bytes: [UInt8], from start: Int) -> Int {
        var depth = 0
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return index + 1 }
            case ASCII.backslash: index += 1
            default: break
            }
            index += 1
        }
        return index
    }
}
