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
        let token = tokens[index]
        let length = token.end - token.start
        switch term.kind {
        case .number:
            guard length >= PhrasePattern.minimumNumberDigits else { return nil }
            for byteIndex in token.start..<token.end where !(48...57).contains(bytes[byteIndex]) { return nil }
            return index + 1
        case .day:
            return PhrasePattern.isDay(bytes[token.start..<token.end]) ? index + 1 : nil
        case .suffix:
            guard length >= term.bytes.count else { return nil }
            return equal(from: token.end - term.bytes.count, term.bytes, 0, term.bytes.count) ? index + 1 : nil
        case .contains:
            guard length >= term.bytes.count else { return nil }
            for offset in token.start...(token.end - term.bytes.count) where equal(from: offset, term.bytes, 0, term.bytes.count) {
                return index + 1
            }
            return nil
        case .exact, .prefix:
            var termOffset = 0
            var position = index
            for _ in 0..<PhrasePattern.maximumCompoundParts {
                guard position < tokens.count, tokens[position].sentence == sentence else { return nil }
                let part = tokens[position]
                let partLength = part.end - part.start
                let remaining = term.bytes.count - termOffset
                if partLength >= remaining {
                    // A stem that ends inside a later word must cover a real part of it:
                    // "Mail-Servers" is "mailserver*", "the message" is not "theme*".
                    if position > index, partLength > remaining, remaining < PhrasePattern.minimumCompoundTail { return nil }
                    guard equal(from: part.start, term.bytes, termOffset, remaining) else { return nil }
                    if term.kind == .exact, partLength != remaining { return nil }
                    return position + 1
                }
                guard equal(from: part.start, term.bytes, termOffset, partLength) else { return nil }
                termOffset += partLength
                position += 1
            }
            return nil
        }
    }

    @inline(__always)
    private func equal(from start: Int, _ term: [UInt8], _ termStart: Int, _ count: Int) -> Bool {
        var offset = 0
        while offset < count {
            if bytes[start + offset] != term[termStart + offset] { return false }
            offset += 1
        }
        return true
    }
}
