/// The customer notices support-intake sends, each with the placeholders its template may use.
public enum ReplyKind: String, Sendable, CaseIterable {
    /// A standard request: the matching FAQ links and the ticket number.
    case faqReply = "faq-reply"
    /// An extended request: what extended support is, the rate, how to accept.
    case costNotice = "cost-notice"
    /// A neutral receipt while an agent decides (`needs_review`): no word about costs.
    case received
    /// The customer accepted the costs; work starts.
    case costAccepted = "cost-accepted"
    /// An agent changed the handling (e.g. extended → standard: no costs).
    case handlingChanged = "handling-changed"

    /// The placeholders every kind offers.
    static let common: [String: TemplateVariable] = [
        "ticket_number": .value, "customer_name": .value, "original_subject": .value,
        "support_name": .value, "support_address": .value,
    ]

    /// The placeholders this kind's template may use.
    public var variables: [String: TemplateVariable] {
        let extra: [String: TemplateVariable]
        switch self {
        case .faqReply:
            extra = ["faq": .list(fields: ["id", "title", "url"])]
        case .costNotice:
            extra = ["faq": .list(fields: ["id", "title", "url"]), "rate": .value, "extended_faq_url": .value]
        case .received:
            extra = [:]
        case .costAccepted:
            extra = ["rate": .value, "accepted_via": .value]
        case .handlingChanged:
            extra = ["handling": .value, "is_extended": .value, "rate": .value, "extended_faq_url": .value]
        }
        return Self.common.merging(extra) { common, _ in common }
    }
}
