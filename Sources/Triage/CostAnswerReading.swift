/// What one phrase match says about the costs, judged in its sentence (see `CostAnswerDetector`).
enum CostAnswerReading: Equatable {
    case accept(String)
    case refuse(String)
    /// The sentence makes the answer conditional or unclear.
    case undecided
    /// Not an answer at all: a question, a quoted mention, a phrase in the wrong place.
    case nothing

    /// Quotation marks in UTF-8 that start a mention: " ' „ “ ” ‚ ‘ ’ « ».
    private static let quotationMarks: [[UInt8]] = ["\"", "'", "\u{201E}", "\u{201C}", "\u{201D}", "\u{201A}", "\u{2018}",
                                                    "\u{2019}", "\u{AB}", "\u{BB}"].map { Array($0.utf8) }

    init(_ match: PhraseMatch, _ phrase: CostAnswerVocabulary.Phrase, in text: TokenizedText, _ layout: SentenceLayout) {
        typealias Words = CostAnswerVocabulary
        let sentence = layout.sentenceStart[match.start]..<layout.sentenceEnd[match.start]
        let clauseStart = layout.clauseStart[match.start]
        if layout.inQuestion[match.start] {
            self = .nothing
            return
        }
        if phrase.clauseInitial, (clauseStart..<match.start).contains(where: {
            let word = text.word($0)
            return !(Words.fillers.contains(word) || Words.negators.contains(word) || Words.prefixWords.contains(word))
        }) {
            self = .nothing
            return
        }
        // A phrase that must open its clause quotes the whole clause ("Sie können gerne anfangen").
        var start = phrase.clauseInitial ? clauseStart : match.start
        while start > sentence.lowerBound, Self.leadsIn(text.word(start - 1)) { start -= 1 }
        if Self.isMention(text, start..<match.end, in: sentence) {
            self = .nothing
            return
        }
        if sentence.contains(where: { Self.isHedge(text, $0) }) {
            self = .undecided
            return
        }
        if phrase.meaning == .refuse {
            self = .refuse(Self.evidence(text, layout, start..<match.end))
            return
        }
        if let negator = Self.negator(text, before: clauseStart..<match.end) ?? Self.negator(text, after: match.end, in: sentence) {
            self = .refuse(Self.evidence(text, layout, min(start, negator)..<max(match.end, negator + 1)))
            return
        }
        // "Einverstanden bin ich damit, ehrlich gesagt, nicht.": a negation can close the sentence.
        if sentence.upperBound - 1 >= match.end, Self.negates(text, sentence.upperBound - 1) {
            self = .undecided
            return
        }
        self = .accept(Self.evidence(text, layout, start..<match.end))
    }

    /// Evidence quotes whole clauses ("Ich bin mit den Kosten einverstanden") up to this many words;
    /// in a longer clause only the phrase and the words that lead into it.
    static let maximumEvidenceWords = 12

    private static func evidence(_ text: TokenizedText, _ layout: SentenceLayout, _ words: Range<Int>) -> String {
        let clause = min(words.lowerBound, layout.clauseStart[words.lowerBound])..<max(words.upperBound, layout.clauseEnd[words.upperBound - 1])
        let quoted = clause.count <= maximumEvidenceWords ? clause : words
        return text.evidence(from: quoted.lowerBound, to: quoted.upperBound)
    }

    /// Answer words, speakers and negations just before a phrase belong to its evidence.
    private static func leadsIn(_ word: String) -> Bool {
        CostAnswerVocabulary.fillers.contains(word) || CostAnswerVocabulary.speakers.contains(word)
            || CostAnswerVocabulary.negators.contains(word)
    }

    /// A phrase in quotation marks within a longer sentence is talked about, not said.
    private static func isMention(_ text: TokenizedText, _ words: Range<Int>, in sentence: Range<Int>) -> Bool {
        guard words.lowerBound > sentence.lowerBound || words.upperBound < sentence.upperBound else { return false }
        let before = text.original[..<text.tokens[words.lowerBound].source.lowerBound]
        let trimmed = before.reversed().drop { $0 == 0x20 || $0 == 0x09 }
        return quotationMarks.contains { mark in trimmed.starts(with: mark.reversed()) }
    }

    private static func isHedge(_ text: TokenizedText, _ index: Int) -> Bool {
        guard CostAnswerVocabulary.hedges.contains(text.word(index)) else { return false }
        let asksForMessage = (max(0, index - 2)..<index).contains { CostAnswerVocabulary.harmlessBeforeHedge.contains(text.word($0)) }
        return !asksForMessage
    }

    private static func negates(_ text: TokenizedText, _ index: Int) -> Bool {
        guard CostAnswerVocabulary.negators.contains(text.word(index)) else { return false }
        return !(index + 1 < text.count && CostAnswerVocabulary.harmlessAfterNegator.contains(text.word(index + 1)))
    }

    private static func negator(_ text: TokenizedText, before words: Range<Int>) -> Int? {
        words.first { negates(text, $0) }
    }

    /// A negation after the phrase, up to the end of its clause or the next conjunction.
    private static func negator(_ text: TokenizedText, after end: Int, in sentence: Range<Int>) -> Int? {
        guard end < sentence.upperBound, end > 0 else { return nil }
        let clause = text.tokens[end - 1].clause
        var index = end
        while index < sentence.upperBound, text.tokens[index].clause == clause,
              !CostAnswerVocabulary.clauseBoundaries.contains(text.word(index)) {
            if negates(text, index) { return index }
            index += 1
        }
        return nil
    }
}
