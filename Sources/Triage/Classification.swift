/// One rule that fired: its weight and the words that made it fire.
public struct RuleHit: Sendable, Hashable {
    public var rule: String
    public var target: RuleTarget
    /// What the hit added to its category's score; 0 when a modifier cancelled it.
    public var weight: Double
    /// The matched text as written in the mail (or the header value).
    public var evidence: String
    /// Why a hit counts for nothing, e.g. "negated by 'nicht'".
    public var note: String?
}

/// A FAQ article linked in the answer, best first.
public struct FAQLink: Sendable, Hashable {
    public var id: Int
    public var title: String
    public var url: String
    public var score: Double
}

/// The classifier's verdict on one mail, with everything an agent needs to check it.
public struct Classification: Sendable {
    public var category: TriageCategory
    /// 0…1: how clearly the evidence points to `category`.
    public var confidence: Double
    /// Thin or contradictory evidence: an agent should decide before the customer hears about costs.
    public var needsReview: Bool
    /// "de" or "en".
    public var language: String
    public var faq: [FAQLink]
    /// The ticket a follow-up belongs to (the N of `[Ticket#N]`); set for follow-ups only.
    public var ticketNumber: String?
    /// Every hit, in rule order, including cancelled ones (weight 0, with a note).
    public var reasons: [RuleHit]
    /// The summed weights per category.
    public var scores: [TriageCategory: Double]
}
