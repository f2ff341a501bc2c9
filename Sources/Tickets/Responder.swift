public import Foundation

/// Decides the automatic reply to one inbound mail, inside the intake's transaction, once the
/// store knows its ticket. Implemented by the Replies target (templates, loop protection); the
/// store writes the answer (an outbox row, or the reason for silence) in the same commit.
public protocol Responder {
    func respond(to situation: ReplySituation) -> ReplyDecision
}

/// What the store knows when the reply is decided.
public struct ReplySituation: Sendable {
    public var record: IntakeRecord
    /// The ticket as it is after this mail (new, or the one it joined).
    public var ticket: Ticket
    /// Whether the mail joined an existing ticket.
    public var isFollowUp: Bool
    /// The cost answer this mail recorded on the ticket (a change of consent), if any.
    public var recordedCostAnswer: CostAnswerRule.Effect?
    /// When the mail's reply address got automatic replies from us in the last day.
    public var earlierReplies: [Date]

    public init(record: IntakeRecord, ticket: Ticket, isFollowUp: Bool, recordedCostAnswer: CostAnswerRule.Effect?,
                earlierReplies: [Date]) {
        self.record = record
        self.ticket = ticket
        self.isFollowUp = isFollowUp
        self.recordedCostAnswer = recordedCostAnswer
        self.earlierReplies = earlierReplies
    }
}

/// The responder's answer.
public enum ReplyDecision: Sendable, Hashable {
    case send(OutboxMessage)
    /// No reply, and why (recorded as a `reply.suppressed` event on the ticket).
    case suppress(reason: String)
}
