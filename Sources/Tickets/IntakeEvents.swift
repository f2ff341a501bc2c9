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
        case .ticketed: .ticketed
        case .duplicate: .duplicate
        case .ignored: .ignored
        case .alreadySettled(let entry): entry.state
        }
    }

    /// The ticket the message is on, if any.
    public var ticketNumber: String? {
        switch self {
        case .ticketed(let number), .duplicate(let number): number
        case .ignored: nil
        case .alreadySettled(let entry): entry.ticketNumber
        }
    }

    /// The ledger's `outcome` text.
    public var summary: String {
        switch self {
        case .ticketed(let number): "ticket \(number)"
        case .duplicate(let number): "duplicate of ticket \(number)"
        case .ignored(let reason): "ignored: \(reason)"
        case .alreadySettled(let entry): entry.outcome ?? entry.state.rawValue
        }
    }
}
