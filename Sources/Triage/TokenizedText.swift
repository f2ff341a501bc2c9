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

    /// Folding makes a text at most this many times longer (a two-byte capital whose lower case
    /// takes three bytes): the folded words are written into a buffer of this size, without checks
    /// per byte.
    static let maximumGrowth = 2

    /// From UTF-8 directly (the own words are cut out as bytes: no String round trip per mail).
    init(utf8: [UInt8], firstSentence: Int = 0) {
        original = utf8.count > Self.maximumBytes ? Array(utf8.prefix(Self.maximumBytes)) : utf8
        var tokens: [Token] = []
        tokens.reserveCapacity(original.count / Self.bytesPerWordEstimate + 1)
        var folded = [UInt8](repeating: 0, count: original.count * Self.maximumGrowth)
        var written = 0
        original.withUnsafeBufferPointer { input in
            folded.withUnsafeMutableBufferPointer { out in
                written = Self.fold(input, into: out, tokens: &tokens, firstSentence: firstSentence)
            }
        }
        folded.removeSubrange(written...)
        bytes = folded
        self.tokens = tokens
    }

    /// Writes the folded words of `input` back to back into `out` and appends their tokens; returns
    /// how many bytes it wrote.
    private static func fold(_ input: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
                             tokens: inout [Token], firstSentence: Int) -> Int {
        var written = 0
        var sentence = firstSentence
        var clause = 0
        var comma = false
        var tokenStart = -1
        var sourceStart = 0
        var newlines = 0
        // 1: a sentence mark was seen; 2: and whitespace followed it (so "z.B." or "1.5" do not end a sentence).
        var stop = 0
        // The folded bytes of one non-ASCII scalar.
        var scalarBytes: [UInt8] = []
        var index = 0
        while index < input.count {
            let lead = input[index]
            let before = written
            var length = 1
            var scalar = Unicode.Scalar(UInt8(ascii: " "))
            let isWordPart: Bool
            if isASCIILetterOrDigit(lead) {
                // A run of ASCII letters and digits, most of a mail: lower-cased by setting bit 5
                // (digits have it already).
                var end = index
                repeat {
                    out[written] = input[end] | 0x20
                    written += 1
                    end += 1
                } while end < input.count && isASCIILetterOrDigit(input[end])
                length = end - index
                isWordPart = true
            } else if lead < 0x80 {
                scalar = Unicode.Scalar(lead)
                // An apostrophe joins ("didn't" is "didnt"); every other ASCII byte separates.
                isWordPart = lead == UInt8(ascii: "'")
            } else {
                // Decode one scalar by hand; malformed UTF-8 separates words.
                var value = UInt32(lead)
                switch lead {
                case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
                case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
                case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
                default: length = 1; value = 0xFFFD
                }
                if index + length > input.count {
                    length = 1
                    value = 0xFFFD
                } else if length > 1 {
                    for offset in 1..<length {
                        let next = input[index + offset]
                        guard next & 0xC0 == 0x80 else { length = 1; value = 0xFFFD; break }
                        value = value << 6 | UInt32(next & 0x3F)
                    }
                }
                scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                scalarBytes.removeAll(keepingCapacity: true)
                isWordPart = TextFolding.append(scalar, to: &scalarBytes)
                for byte in scalarBytes {
                    out[written] = byte
                    written += 1
                }
            }
            if isWordPart {
                if tokenStart < 0 {
                    if stop == 2 || newlines >= 2 { sentence += 1 }
                    if stop == 2 || newlines >= 2 || comma { clause += 1 }
                    stop = 0
                    comma = false
                    newlines = 0
                    tokenStart = before
                    sourceStart = index
                }
            } else if scalar == "-", tokenStart >= 0, written == tokenStart + 1, out[tokenStart] == UInt8(ascii: "e") {
                // "E-Mail" is one word: the rules say "email", never "e" and "mail".
            } else {
                if tokenStart >= 0, written > tokenStart {
                    tokens.append(Token(start: tokenStart, end: written, sentence: sentence, clause: clause, source: sourceStart..<index))
                }
                tokenStart = -1
                switch scalar {
                case "\n": newlines += 1; if stop == 1 { stop = 2 }
                case ".": if !endsAbbreviation(index, tokens.last, UnsafeBufferPointer(out)) { stop = 1 }
                case "!", "?", ";": stop = 1
                case ",", ":", "(", ")": comma = true
                case " ", "\t", "\r": if stop == 1 { stop = 2 }
                default: break
                }
            }
            index += length
        }
        if tokenStart >= 0, written > tokenStart {
            tokens.append(Token(start: tokenStart, end: written, sentence: sentence, clause: clause, source: sourceStart..<index))
        }
        return written
    }

    @inline(__always)
    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
    }

    /// Words after which a period abbreviates rather than ends the sentence ("Ticket-Nr. 4711").
    static let abbreviations: Set<String> = [
        "nr", "no", "ca", "bzw", "usw", "dr", "hr", "fr", "z", "b", "d", "h", "u", "a", "vgl", "ggf", "evtl", "inkl", "zzgl",
        "tel", "str", "st", "etc", "bspw", "max", "min", "mio", "eur", "co", "jr", "sr", "mr", "mrs", "ms", "vs", "e", "g", "i",
        "bzgl", "ggue", "zw", "mind", "od", "allg", "zt", "einschl", "ausschl", "abt", "incl", "approx", "dept",
    ]

    /// The longest word in `abbreviations` ("ausschl"): longer words are never looked up.
    static let longestAbbreviation = 7

    /// Whether the period at `index` directly follows a number or a known abbreviation (`last`,
    /// the latest word, folded in `bytes`).
    private static func endsAbbreviation(_ index: Int, _ last: Token?, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last, last.source.upperBound == index else { return false }
        let word = bytes[last.start..<last.end]
        if word.allSatisfy({ (48...57).contains($0) }) { return true }
        return word.count <= Self.longestAbbreviation && Self.abbreviations.contains(String(decoding: word, as: UTF8.self))
    }

    var count: Int { tokens.count }

    /// The original words from token `from` up to (excluding) `to`, whitespace collapsed.
    func evidence(from: Int, to: Int) -> String {
        guard from < to, from >= 0, to <= tokens.count else { return "" }
        let source = original[tokens[from].source.lowerBound..<tokens[to - 1].source.upperBound]
        // Mostly words and single spaces already: then the text is quoted as it stands.
        var previousBlank = false
        let collapsed = source.allSatisfy { byte in
            let blank = byte == 0x20
            defer { previousBlank = blank }
            return byte != 0x0A && byte != 0x0D && byte != 0x09 && !(blank && previousBlank)
        }
        if collapsed { return String(decoding: source, as: UTF8.self) }
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
