/// What one pattern term means at one word, defined once for both matchers: the compiled one that
/// scans every text (`ProgramMatcher`, over unsafe buffers) and the direct one that tries a single
/// pattern at a single word (`TokenizedText.match`, for exceptions and cost answers).
enum TermMatching {
    /// The index after the last word the term used when it matches at word `index`, or nil. Exact and
    /// prefix terms may span a compound written apart, within the sentence.
    @inline(__always)
    static func end<Bytes: RandomAccessCollection, Tokens: RandomAccessCollection, Term: RandomAccessCollection>(
        _ kind: PhrasePattern.TermKind, _ term: Term, at index: Int, sentence: Int, bytes: Bytes, tokens: Tokens
    ) -> Int? where Bytes.Element == UInt8, Bytes.Index == Int, Tokens.Element == TokenizedText.Token, Tokens.Index == Int,
        Term.Element == UInt8, Term.Index == Int {
        let token = tokens[index]
        let length = token.end - token.start
        let termStart = term.startIndex
        let termCount = term.count
        switch kind {
        case .number:
            guard length >= PhrasePattern.minimumNumberDigits else { return nil }
            for byteIndex in token.start..<token.end where bytes[byteIndex] &- 0x30 >= 10 { return nil }
            return index + 1
        case .day:
            return PhrasePattern.isDay(bytes[token.start..<token.end]) ? index + 1 : nil
        case .suffix:
            guard length >= termCount else { return nil }
            return equal(bytes, token.end - termCount, term, termStart, termCount) ? index + 1 : nil
        case .contains:
            guard length >= termCount else { return nil }
            for offset in token.start...(token.end - termCount) where equal(bytes, offset, term, termStart, termCount) { return index + 1 }
            return nil
        case .exact, .prefix:
            var termOffset = 0
            var position = index
            for _ in 0..<PhrasePattern.maximumCompoundParts {
                guard position < tokens.count, tokens[position].sentence == sentence else { return nil }
                let part = tokens[position]
                let partLength = part.end - part.start
                let remaining = termCount - termOffset
                if partLength >= remaining {
                    // A stem that ends inside a later word must cover a real part of it:
                    // "Mail-Servers" is "mailserver*", "the message" is not "theme*".
                    if position > index, partLength > remaining, remaining < PhrasePattern.minimumCompoundTail { return nil }
                    guard equal(bytes, part.start, term, termStart + termOffset, remaining) else { return nil }
                    if kind == .exact, partLength != remaining { return nil }
                    return position + 1
                }
                guard equal(bytes, part.start, term, termStart + termOffset, partLength) else { return nil }
                termOffset += partLength
                position += 1
            }
            return nil
        }
    }

    @inline(__always)
    private static func equal<Bytes: RandomAccessCollection, Term: RandomAccessCollection>(
        _ bytes: Bytes, _ start: Int, _ term: Term, _ termStart: Int, _ count: Int
    ) -> Bool where Bytes.Element == UInt8, Bytes.Index == Int, Term.Element == UInt8, Term.Index == Int {
        var offset = 0
        while offset < count {
            if bytes[start + offset] != term[termStart + offset] { return false }
            offset += 1
        }
        return true
    }
}
