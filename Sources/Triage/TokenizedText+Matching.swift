/// Where a pattern matched: words `start..<end`, and the number a `<num>` term captured.
struct PhraseMatch: Sendable {
    var start: Int
    var end: Int
    var number: String?
}

extension TokenizedText {
    /// Matches `pattern` starting exactly at word `index`.
    func match(_ pattern: PhrasePattern, at index: Int) -> PhraseMatch? {
        guard pattern.leadingBytes & PatternProgram.firstByteBit(bytes[tokens[index].start]) != 0 else { return nil }
        var number: String?
        guard let end = match(pattern.elements, element: 0, at: index, sentence: tokens[index].sentence, number: &number) else {
            return nil
        }
        return PhraseMatch(start: index, end: end, number: number)
    }

    /// The first match of `pattern` anywhere (used for the short header and modifier texts).
    func firstMatch(_ pattern: PhrasePattern) -> PhraseMatch? {
        for index in tokens.indices {
            if let found = match(pattern, at: index) { return found }
        }
        return nil
    }

    private func match(_ elements: [PhrasePattern.Element], element: Int, at index: Int, sentence: Int,
                       number: inout String?) -> Int? {
        guard element < elements.count else { return index }
        switch elements[element] {
        case .gap:
            var position = index
            for _ in 0...PhrasePattern.maximumGap {
                guard position < tokens.count, tokens[position].sentence == sentence else { return nil }
                if let end = match(elements, element: element + 1, at: position, sentence: sentence, number: &number) {
                    return end
                }
                position += 1
            }
            return nil
        case .term(let alternatives):
            guard index < tokens.count, tokens[index].sentence == sentence else { return nil }
            for alternative in alternatives {
                guard let next = match(alternative, at: index, sentence: sentence) else { continue }
                if let end = match(elements, element: element + 1, at: next, sentence: sentence, number: &number) {
                    if alternative.kind == .number { number = word(index) }
                    return end
                }
            }
            return nil
        }
    }

    /// Matches one term at word `index`; returns the index after the last word it used.
    private func match(_ term: PhrasePattern.Alternative, at index: Int, sentence: Int) -> Int? {
        TermMatching.end(term.kind, term.bytes, at: index, sentence: sentence, bytes: bytes, tokens: tokens)
    }
}
