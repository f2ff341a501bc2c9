/// What the classifier (the Triage issue) says about one inbound mail, in the shape the store
/// keeps: the category, the suggested handling and the reasons that led there.
public struct Classification: Sendable, Hashable {
    /// The five categories of classification-policy.md.
    public enum Category: String, Sendable, Hashable, CaseIterable {
        case standard, extended, followup, automated, ignore
    }

    public var category: Category
    public var suggestedHandling: Handling?
    public var confidence: Double
    public var needsReview: Bool
    public var language: String?
    public var reasons: [ClassificationReason]
    /// The FAQ articles that fit, best first (linked in the reply).
    public var faq: [FAQReference]
    /// What the rules for machine-written mail scored on it before a person's words were weighed
    /// (0 when none fired). Above 0 on a request the mail reads partly like a notice. Used at
    /// intake only, not stored.
    public var machineEvidence: Double

    public init(
        category: Category, suggestedHandling: Handling?, confidence: Double, needsReview: Bool,
        language: String?, reasons: [ClassificationReason], faq: [FAQReference] = [], machineEvidence: Double = 0
    ) {
        self.category = category
        self.suggestedHandling = suggestedHandling
        self.confidence = confidence
        self.needsReview = needsReview
        self.language = language
        self.reasons = reasons
        self.faq = faq
        self.machineEvidence = machineEvidence
    }

    /// Whether the mail is recorded without a ticket (RFC 3834 automated mail, bulk mail).
    public var needsNoTicket: Bool { category == .automated || category == .ignore }
}

/// One rule that fired, with its weight and the text that made it fire.
public struct ClassificationReason: Sendable, Hashable, Codable {
    public var rule: String
    public var weight: Double
    public var evidence: String

    public init(rule: String, weight: Double, evidence: String) {
        self.rule = rule
        self.weight = weight
        self.evidence = evidence
    }
}

/// A FAQ article as a reply links it, in the mail's language.
public struct FAQReference: Sendable, Hashable {
    public var id: Int
    public var title: String
    public var url: String

    public init(id: Int, title: String, url: String) {
        self.id = id
        self.title = title
        self.url = url
    }
}
