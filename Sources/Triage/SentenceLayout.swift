/// Where each word's sentence and clause start and end, and which sentences are questions: what
/// `CostAnswerReading` needs around every match, worked out once per text.
struct SentenceLayout {
    /// Per word: the first word of its sentence, one past its sentence's last word, the first word
    /// of its clause and one past its clause's last word.
    private(set) var sentenceStart: [Int] = []
    private(set) var sentenceEnd: [Int] = []
    private(set) var clauseStart: [Int] = []
    private(set) var clauseEnd: [Int] = []
    /// Per word: whether its sentence ends with a question mark.
    private(set) var inQuestion: [Bool] = []

    init(_ text: TokenizedText) {
        let tokens = text.tokens
        var start = 0
        while start < tokens.count {
            var end = start + 1
            while end < tokens.count, tokens[end].sentence == tokens[start].sentence { end += 1 }
            let gapEnd = end < tokens.count ? tokens[end].source.lowerBound : text.original.count
            let question = text.original[tokens[end - 1].source.upperBound..<gapEnd].contains(UInt8(ascii: "?"))
            var clause = start
            for index in start..<end {
                if tokens[index].clause != tokens[clause].clause { clause = index }
                sentenceStart.append(start)
                sentenceEnd.append(end)
                clauseStart.append(clause)
                inQuestion.append(question)
            }
            var clauseFinish = end
            for index in (start..<end).reversed() {
                clauseEnd.append(clauseFinish)
                if index > start, tokens[index - 1].clause != tokens[index].clause { clauseFinish = index }
            }
            clauseEnd[start...].reverse()
            start = end
        }
    }
}
