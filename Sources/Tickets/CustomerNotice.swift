/// A notice an agent's decision owes the customer. The Replies target composes it (the kinds match
/// its `ReplyKind` raw values); Tickets only decides that it is due.
public enum CustomerNotice: String, Sendable, Hashable, CaseIterable {
    /// The ticket is extended support: the rate, and how to accept the costs.
    case costNotice = "cost-notice"
    /// The handling changed after the customer heard about it (extended → standard: no costs).
    case handlingChanged = "handling-changed"
}
