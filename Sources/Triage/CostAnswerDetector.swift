public import MailCore

/// Reads a customer's reply to a cost notice: did they accept billed extended support, refuse it,
/// or say neither?
///
/// Only the customer's own words count: the quoted cost notice itself says "Ja, einverstanden".
/// An acceptance starts billing, so doubt always ends in `nil` (an agent decides): a negation turns
/// an acceptance into a refusal, questions and quoted mentions ("Muss ich „Ja, einverstanden“
/// schreiben?") say nothing, conditions ("einverstanden, wenn es unter 100 € bleibt") and a mail
/// that both accepts and refuses give no answer.
public struct CostAnswerDetector: Sendable {
    public init() {}

    public func answer(in message: ParsedMessage) -> CostAnswer? {
        let text = TokenizedText(utf8: OwnWords(message.bodyText).textUTF8)
        let layout = SentenceLayout(text)
        var acceptance: String?
        var refusal: String?
        var undecided = false
        for index in text.tokens.indices {
            for phrase in CostAnswerVocabulary.phrases {
                guard let match = text.match(phrase.pattern, at: index) else { continue }
                switch CostAnswerReading(match, phrase, in: text, layout) {
                case .accept(let evidence): acceptance = acceptance ?? evidence
                case .refuse(let evidence): refusal = refusal ?? evidence
                case .undecided: undecided = true
                case .nothing: break
                }
            }
        }
        switch (acceptance, refusal) {
        case (let accepted?, nil): return undecided ? nil : .accepted(evidence: accepted)
        case (nil, let refused?): return .refused(evidence: refused)
        default: return nil
        }
    }
}
