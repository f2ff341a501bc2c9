public import Foundation

/// The audit events the intake writes, shared by every store so that `tickets show` reads the
/// same whichever store is behind it.
public enum IntakeEvents {
    public static let actor = "intake"

    /// The events of a newly created ticket: its creation, then one per intake note.
    public static func created(_ record: IntakeRecord, notes: [String]) -> [TicketEvent] {
        var events = [TicketEvent(
            kind: "ticket.created", actor: actor, detail: "from \(record.key)", at: record.receivedAt)]
        for note in notes {
            events.append(TicketEvent(kind: "intake.note", actor: actor, detail: note, at: record.receivedAt))
        }
        return events
    }

    /// The event on a ticket that a follow-up joined.
    public static func followUp(_ record: IntakeRecord, reason: String) -> TicketEvent {
        TicketEvent(kind: "message.followup", actor: actor, detail: "\(reason) (\(record.key))", at: record.receivedAt)
    }

    /// The event on a closed ticket that a follow-up sends back to review.
    public static func reopened(_ record: IntakeRecord) -> TicketEvent {
        TicketEvent(kind: "ticket.reopened", actor: actor, detail: "the customer wrote again; back to review",
                    at: record.receivedAt)
    }

    /// The event of a reply queued in the outbox.
    public static func replyQueued(_ message: OutboxMessage, at date: Date) -> TicketEvent {
        TicketEvent(kind: "reply.queued", actor: actor, detail: "\(message.kind) to \(message.recipient) <\(message.messageID)>",
                    at: date)
    }

    /// The event of a reply the responder held back, with its reason.
    public static func replySuppressed(reason: String, at date: Date) -> TicketEvent {
        TicketEvent(kind: "reply.suppressed", actor: actor, detail: reason, at: date)
    }

    /// The event on the original ticket when the same mail arrives again.
    public static func duplicate(_ record: IntakeRecord) -> TicketEvent {
        TicketEvent(
            kind: "message.duplicate", actor: actor,
            detail: "same mail again at \(record.key)", at: record.receivedAt)
    }
}

extension IntakeOutcome {
    /// The ledger state this outcome settles a message in.
    public var ledgerState: LedgerState {
        switch self {
        case .ticketed, .followUp: .ticketed
        case .duplicate: .duplicate
        case .ignored: .ignored
        case .alreadySettled(let entry): entry.state
        }
    }

    /// The ticket the message is on, if any.
    public var ticketNumber: String? {
        switch self {
        case .ticketed(let number), .followUp(let number), .duplicate(let number): number
        case .ignored: nil
        case .alreadySettled(let entry): entry.ticketNumber
        }
    }

    /// The ledger's `outcome` text.
    public var summary: String {
        switch self {
        case .ticketed(let number): "ticket \(number)"
        case .followUp(let number): "follow-up on ticket \(number)"
        case .duplicate(let number): "duplicate of ticket \(number)"
        case .ignored(let reason): "ignored: \(reason)"
        case .alreadySettled(let entry): entry.outcome ?? entry.state.rawValue
        }
    }
}
