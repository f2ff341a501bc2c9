/// Matches compiled patterns against one text through unsafe buffers, valid only inside
/// `PatternProgram.scan`. Same semantics as `TokenizedText.match` (see `PhrasePattern`).
struct ProgramMatcher {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<TokenizedText.Token>
    /// Every word's `head(at:)`, computed once per text.
    let heads: UnsafeBufferPointer<(head: UInt32, mask: UInt32)>
    let termBytes: UnsafeBufferPointer<UInt8>
    let terms: UnsafeBufferPointer<PatternProgram.Term>
    let elements: UnsafeBufferPointer<PatternProgram.Element>

    /// The first four bytes at word `index`, running into the following words of the sentence when
    /// it is shorter, packed as `PatternProgram.head` packs a term, with the mask of the bytes found.
    @inline(__always)
    static func head(at index: Int, bytes: UnsafeBufferPointer<UInt8>,
                     tokens: UnsafeBufferPointer<TokenizedText.Token>) -> (UInt32, UInt32) {
        let sentence = tokens[index].sentence
        var head: UInt32 = 0
        var mask: UInt32 = 0
        var count: UInt32 = 0
        var position = index
        while count < 4, position < tokens.count, tokens[position].sentence == sentence {
            var byteIndex = tokens[position].start
            while count < 4, byteIndex < tokens[position].end {
                head |= UInt32(bytes[byteIndex]) << (8 * count)
                mask |= 0xFF << (8 * count)
                count += 1
                byteIndex += 1
            }
            position += 1
        }
        return (head, mask)
    }

    /// The end of the match of `elements[range]` starting at word `index`, or nil; the first element
    /// tries only its alternative `onlyAlternative` unless that is negative.
    func match(_ range: Range<Int>, at index: Int, onlyAlternative: Int, number: inout Int) -> Int? {
        match(element: range.lowerBound, last: range.upperBound, at: index, sentence: tokens[index].sentence,
              only: onlyAlternative, number: &number)
    }

    private func match(element: Int, last: Int, at index: Int, sentence: Int, only: Int = -1, number: inout Int) -> Int? {
        guard element < last else { return index }
        let current = elements[element]
        if current.isGap {
            // A gap never ends a pattern; the words after it are tried only where the next term could
            // start (the same first-byte test `match` makes, without the call).
            let next = element + 1 < last ? elements[element + 1] : current
            var position = index
            for _ in 0...PhrasePattern.maximumGap {
                guard position < tokens.count, tokens[position].sentence == sentence else { return nil }
                if next.isGap || next.firstBytes & PatternProgram.firstByteBit(bytes[tokens[position].start]) != 0,
                   let end = match(element: element + 1, last: last, at: position, sentence: sentence, number: &number) {
                    return end
                }
                position += 1
            }
            return nil
        }
        guard index < tokens.count, tokens[index].sentence == sentence,
              current.firstBytes & PatternProgram.firstByteBit(bytes[tokens[index].start]) != 0 else { return nil }
        var termIndex = Int(current.firstTerm) + max(0, only)
        let termEnd = only >= 0 ? termIndex + 1 : Int(current.firstTerm) + Int(current.termCount)
        let (head, headMask) = heads[index]
        while termIndex < termEnd {
            let term = terms[termIndex]
            termIndex += 1
            // Same test as the first-term buckets: the word's first bytes must agree with the term's.
            if (head ^ term.head) & headMask & term.headMask != 0 { continue }
            guard let next = match(term, at: index, sentence: sentence) else { continue }
            if let end = match(element: element + 1, last: last, at: next, sentence: sentence, number: &number) {
                if term.kind == .number { number = index }
                return end
            }
        }
        return nil
    }

    @inline(__always)
    private func match(_ term: PatternProgram.Term, at index: Int, sentence: Int) -> Int? {
        let start = Int(term.start)
        return TermMatching.end(term.kind, termBytes[start..<(start + Int(term.count))], at: index, sentence: sentence,
                                bytes: bytes, tokens: tokens)
    }
}
