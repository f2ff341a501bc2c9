/// Decodes RFC 2047 encoded-words (`=?charset?Q|B?text?=`) in a header value.
///
/// Like Python's `email` policy.default, encoded-words are recognised anywhere, even inside a
/// word; whitespace between two adjacent encoded-words is dropped (RFC 2047 §6.2); and adjacent
/// words in the same charset are joined as bytes before decoding, so a multibyte character split
/// across two words still decodes. An encoded-word with an unknown encoding stays as written.
/// Undeclared 8-bit bytes outside encoded-words are UTF-8 (RFC 6532) or windows-1252.
enum EncodedWordDecoder {
    /// Longest encoded-word looked for. RFC 2047 §2 allows 75 characters; real mailers write
    /// longer ones, but an unbounded search would make a header full of "=?" quadratic.
    static let maxEncodedWordLength = 4096

    private enum Segment {
        case text(ArraySlice<UInt8>)
        case word(charset: String, bytes: [UInt8])
    }

    static func decode<C: RandomAccessCollection>(_ value: C, defects: inout [ParseDefect]) -> String
    where C.Element == UInt8, C.Index == Int {
        let bytes = Array(value)
        guard bytes.count >= 8, containsMarker(bytes) else { return CharsetDecoder.guess(bytes) }
        var segments: [Segment] = []
        var textStart = 0
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == ASCII.equals, bytes[index + 1] == ASCII.question,
                  let (word, end) = encodedWord(in: bytes, at: index, defects: &defects) else {
                index += 1
                continue
            }
            if textStart < index { segments.append(.text(bytes[textStart..<index])) }
            segments.append(word)
            index = end
            textStart = end
        }
        if textStart < bytes.count { segments.append(.text(bytes[textStart...])) }
        return assemble(segments, defects: &defects)
    }

    /// Whether `bytes` contains "=?" at all (the common case has no encoded-word).
    static func containsMarker(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == ASCII.equals, bytes[index + 1] == ASCII.question { return true }
            index += 1
        }
        return false
    }

    /// RFC 2047 §2: `encoded-word = "=?" charset "?" encoding "?" encoded-text "?="`, at `start`.
    private static func encodedWord(in bytes: [UInt8], at start: Int, defects: inout [ParseDefect])
        -> (Segment, Int)? {
        let limit = min(bytes.count, start + maxEncodedWordLength)
        var index = start + 2
        let charsetStart = index
        while index < limit, bytes[index] != ASCII.question {
            if ASCII.isWhitespace(bytes[index]) { return nil }
            index += 1
        }
        guard index + 2 < limit, index > charsetStart, bytes[index + 2] == ASCII.question else { return nil }
        let charset = String(decoding: bytes[charsetStart..<index], as: UTF8.self)
        let encoding = ASCII.lowercased(bytes[index + 1])
        let textStart = index + 3
        var textEnd = textStart
        while textEnd + 1 < limit, !(bytes[textEnd] == ASCII.question && bytes[textEnd + 1] == ASCII.equals) {
            textEnd += 1
        }
        guard textEnd + 1 < limit else { return nil }
        let text = bytes[textStart..<textEnd]
        let decoded: [UInt8]
        switch encoding {
        case UInt8(ascii: "q"):
            decoded = decodeQ(text)
        case UInt8(ascii: "b"):
            let result = Base64Decoder.decode(text)
            if !result.isClean {
                defects.append(ParseDefect(kind: DefectKind.encodedWord, detail: "invalid base64 in encoded-word"))
            }
            decoded = result.bytes
        default:
            defects.append(ParseDefect(kind: DefectKind.encodedWord,
                                       detail: "unknown encoding in '\(String(decoding: bytes[start..<(textEnd + 2)], as: UTF8.self))'"))
            return nil
        }
        return (.word(charset: charset, bytes: decoded), textEnd + 2)
    }

    /// RFC 2047 §4.2: "_" is a space, "=XX" a byte; a malformed escape stays literal.
    private static func decodeQ(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "_") {
                out.append(ASCII.space)
            } else if byte == ASCII.equals, index + 2 < text.endIndex,
                      let high = ASCII.hexValue(text[index + 1]), let low = ASCII.hexValue(text[index + 2]) {
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }

    private static func assemble(_ segments: [Segment], defects: inout [ParseDefect]) -> String {
        var output = ""
        var pending: (charset: String, bytes: [UInt8])?
        func flush() {
            guard let word = pending else { return }
            pending = nil
            let (text, defect) = CharsetDecoder.decode(word.bytes, charset: word.charset)
            if let defect { defects.append(defect) }
            output += text
        }
        for (position, segment) in segments.enumerated() {
            switch segment {
            case .word(let charset, let bytes):
                if let current = pending, current.charset.lowercased() == charset.lowercased() {
                    pending?.bytes.append(contentsOf: bytes)
                } else {
                    flush()
                    pending = (charset, bytes)
                }
            case .text(let bytes):
                if pending != nil, nextIsWord(segments, after: position), bytes.allSatisfy(ASCII.isWhitespace) {
                    continue
                }
                flush()
                output += CharsetDecoder.guess(bytes)
            }
        }
        flush()
        return output
    }

    private static func nextIsWord(_ segments: [Segment], after position: Int) -> Bool {
        guard position + 1 < segments.count, case .word = segments[position + 1] else { return false }
        return true
    }
}
