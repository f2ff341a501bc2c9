/// Matches compiled patterns against one text through unsafe buffers, valid only inside
/// `PatternProgram.scan`. Same semantics as `TokenizedText.match` (see `PhrasePattern`).
struct ProgramMatcher {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<TokenizedText.Token>
    /// Every word's head, computed once per text.
    let heads: UnsafeBufferPointer<WordHead>
    let termBytes: UnsafeBufferPointer<UInt8>
    let terms: UnsafeBufferPointer<PatternProgram.Term>
    let elements: UnsafeBufferPointer<PatternProgram.Element>

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
        let head = heads[index]
        while termIndex < termEnd {
            let term = terms[termIndex]
            termIndex += 1
            // Same test as the anchor buckets: the word's first bytes must agree with the term's.
            if (head.bytes ^ term.head) & head.mask & term.headMask != 0 { continue }
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
