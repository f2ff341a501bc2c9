/// A text cut into folded words, each remembering its sentence and where it stood in the original,
/// so that a rule match can quote the customer's own spelling as evidence.
///
/// Words are stored back to back in one byte buffer (no per-word allocation): classification has to
/// stay cheaper than parsing.
struct TokenizedText {
    struct Token {
        var start: Int
        var end: Int
        var sentence: Int
        /// Increments at commas too: negation does not reach across "…, seitdem nicht erreichbar".
        var clause: Int
        /// Byte offsets of the word in the original text's UTF-8.
        var source: Range<Int>
    }

    /// The longest text that is looked at (UTF-8 bytes); longer mails are judged by their beginning.
    static let maximumBytes = 60_000

    /// Words and their separators take about this many bytes: tokens are reserved for it up front,
    /// so a mail's words do not regrow the array several times.
    static let bytesPerWordEstimate = 5

    /// The original text's UTF-8, for quoting evidence.
    let original: [UInt8]
    private(set) var bytes: [UInt8] = []
    private(set) var tokens: [Token] = []

    init(_ text: String, firstSentence: Int = 0) {
        self.init(utf8: Array(text.utf8), firstSentence: firstSentence)
    }

    /// From UTF-8 directly (the own words are cut out as bytes: no String round trip per mail).
    init(utf8: [UInt8], firstSentence: Int = 0) {
        original = utf8.count > Self.maximumBytes ? Array(utf8.prefix(Self.maximumBytes)) : utf8
        bytes.reserveCapacity(original.count)
        tokens.reserveCapacity(original.count / Self.bytesPerWordEstimate + 1)
        var sentence = firstSentence
        var clause = 0
        var comma = false
        var tokenStart = -1
        var sourceStart = 0
        var newlines = 0
        // 1: a sentence mark was seen; 2: and whitespace followed it (so "z.B." or "1.5" do not end a sentence).
        var stop = 0
        var index = 0
        while index < original.count {
            let lead = original[index]
            // Decode one scalar by hand (ASCII is the common case); malformed UTF-8 separates words.
            var length = 1
            var value = UInt32(lead)
            if lead >= 0x80 {
                switch lead {
                case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
                case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
                case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
                default: length = 1; value = 0xFFFD
                }
                if index + length > original.count {
                    length = 1
                    value = 0xFFFD
                } else if length > 1 {
                    for offset in 1..<length {
                        let next = original[index + offset]
                        guard next & 0xC0 == 0x80 else { length = 1; value = 0xFFFD; break }
                        value = value << 6 | UInt32(next & 0x3F)
                    }
                }
            }
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            let before = bytes.count
            if lead < 0x80 ? Self.appendASCII(lead, to: &bytes) : TextFolding.append(scalar, to: &bytes) {
                if tokenStart < 0 {
                    if stop == 2 || newlines >= 2 { sentence += 1 }
                    if stop == 2 || newlines >= 2 || comma { clause += 1 }
                    stop = 0
                    comma = false
                    newlines = 0
                    tokenStart = before
                    sourceStart = index
                }
            } else if scalar == "-", tokenStart >= 0, bytes.count == tokenStart + 1, bytes[tokenStart] == UInt8(ascii: "e") {
                // "E-Mail" is one word: the rules say "email", never "e" and "mail".
            } else {
                if tokenStart >= 0, bytes.count > tokenStart {
                    tokens.append(Token(start: tokenStart, end: bytes.count, sentence: sentence, clause: clause, source: sourceStart..<index))
                }
                tokenStart = -1
                switch scalar {
                case "\n": newlines += 1; if stop == 1 { stop = 2 }
                case ".": if !endsAbbreviation(index) { stop = 1 }
                case "!", "?", ";": stop = 1
                case ",", ":", "(", ")": comma = true
                case " ", "\t", "\r": if stop == 1 { stop = 2 }
                default: break
                }
            }
            index += length
        }
        if tokenStart >= 0, bytes.count > tokenStart {
            tokens.append(Token(start: tokenStart, end: bytes.count, sentence: sentence, clause: clause, source: sourceStart..<index))
        }
    }

    /// `TextFolding.append` for one ASCII byte, without building a scalar: most mail is ASCII.
    @inline(__always)
    private static func appendASCII(_ byte: UInt8, to out: inout [UInt8]) -> Bool {
        if byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 {
            out.append(byte)
            return true
        }
        if byte &- UInt8(ascii: "A") < 26 {
            out.append(byte + 32)
            return true
        }
        return byte == UInt8(ascii: "'")
    }

    /// Words after which a period abbreviates rather than ends the sentence ("Ticket-Nr. 4711").
    static let abbreviations: Set<String> = [
        "nr", "no", "ca", "bzw", "usw", "dr", "hr", "fr", "z", "b", "d", "h", "u", "a", "vgl", "ggf", "evtl", "inkl", "zzgl",
        "tel", "str", "st", "etc", "bspw", "max", "min", "mio", "eur", "co", "jr", "sr", "mr", "mrs", "ms", "vs", "e", "g", "i",
        "bzgl", "ggue", "zw", "mind", "od", "allg", "zt", "einschl", "ausschl", "abt", "incl", "approx", "dept",
    ]

    /// The longest word in `abbreviations` ("ausschl"): longer words are never looked up.
    static let longestAbbreviation = 7

    /// Whether the period at `index` directly follows a number or a known abbreviation.
    private func endsAbbreviation(_ index: Int) -> Bool {
        guard let last = tokens.last, last.source.upperBound == index else { return false }
        let word = bytes[last.start..<last.end]
        if word.allSatisfy({ (48...57).contains($0) }) { return true }
        return word.count <= Self.longestAbbreviation && Self.abbreviations.contains(String(decoding: word, as: UTF8.self))
    }

    var count: Int { tokens.count }

    /// The original words from token `from` up to (excluding) `to`, whitespace collapsed.
    func evidence(from: Int, to: Int) -> String {
        guard from < to, from >= 0, to <= tokens.count else { return "" }
        let source = original[tokens[from].source.lowerBound..<tokens[to - 1].source.upperBound]
        var out: [UInt8] = []
        out.reserveCapacity(source.count)
        var blank = false
        for byte in source {
            if byte == 0x0A || byte == 0x0D || byte == 0x20 || byte == 0x09 {
                blank = true
                continue
            }
            if blank { out.append(0x20) }
            blank = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The folded text of one token.
    func word(_ index: Int) -> String {
        String(decoding: bytes[tokens[index].start..<tokens[index].end], as: UTF8.self)
    }
}
