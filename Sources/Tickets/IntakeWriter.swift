public import Foundation

/// The primitive reads and writes a store offers inside one intake transaction. `IntakeApplier`
/// holds the logic over them once, so every store decides follow-ups, cost answers and replies
/// the same way; a store only says how to read and write its rows.
public protocol IntakeWriter {
    /// The ticket already holding the same mail (same Message-ID, or both none, and content hash).
    func duplicateTicket(of record: IntakeRecord) throws -> String?
    /// The ticket of the newest of these Message-IDs that is one of our outbox replies.
    func ticketAnswered(byAnyOf messageIDs: [String]) throws -> FollowUpRule.Candidate?
    func ticket(number: String) throws -> Ticket?
    /// Creates a ticket and stores the message on it; returns the new ticket.
    func createTicket(_ fields: NewTicket, record: IntakeRecord) throws -> Ticket
    /// Stores the message on an existing ticket, or on none.
    func storeMessage(_ record: IntakeRecord, ticket: String?) throws
    func addEvent(_ event: TicketEvent, ticket: String) throws
    func addClassification(_ classification: Classification, ticket: String, at date: Date) throws
    /// Applies a consent change: the ticket's `cost_accepted` and status, and the acceptance record
    /// with the mail as its evidence.
    func recordCostAnswer(_ effect: CostAnswerRule.Effect, ticket: String, record: IntakeRecord) throws
    func setStatus(_ status: TicketStatus, ticket: String, at date: Date) throws
    /// When `recipient` got automatic replies since `date`.
    func repliesSent(to recipient: String, since date: Date) throws -> [Date]
    func enqueue(_ message: OutboxMessage, ticket: String, at date: Date) throws
    /// Writes the ledger row of the message with its outcome.
    func settleLedger(_ record: IntakeRecord, outcome: IntakeOutcome) throws
}
