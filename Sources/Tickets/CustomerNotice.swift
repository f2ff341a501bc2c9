/// A notice an agent's decision owes the customer. The Replies target composes it (the kinds match
/// its `ReplyKind` raw values); Tickets only decides that it is due.
public enum CustomerNotice: String, Sendable, Hashable, CaseIterable {
    /// The ticket is extended support: the rate, and how to accept the costs.
    case costNotice = "cost-notice"
    /// The handling changed after the customer heard about it (extended → standard: no costs).
    case handlingChanged = "handling-changed"
    /// An agent recorded the customer's acceptance (by phone, or a mail the intake did not read as
    /// one): work starts, billed per started quarter hour.
    case costAccepted = "cost-accepted"
}
