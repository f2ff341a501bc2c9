/// A customer's answer to a cost notice for extended support: acceptance starts billed work,
/// refusal withdraws it. `evidence` quotes the customer's words for the ticket's audit trail.
public enum CostAnswer: Sendable, Hashable {
    case accepted(evidence: String)
    case refused(evidence: String)
}
