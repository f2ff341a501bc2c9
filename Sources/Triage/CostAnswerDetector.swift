public import MailCore

// PLACEHOLDER until the triage3 branch lands its detector (same API).
public enum CostAnswer: Sendable, Hashable { case accepted(evidence: String), refused(evidence: String) }

public struct CostAnswerDetector: Sendable {
    public init() {}
    public func answer(in message: ParsedMessage) -> CostAnswer? {
        let text = message.bodyText.lowercased()
        if text.contains("nicht einverstanden") { return .refused(evidence: "nicht einverstanden") }
        if text.contains("einverstanden") { return .accepted(evidence: "einverstanden") }
        return nil
    }
}
