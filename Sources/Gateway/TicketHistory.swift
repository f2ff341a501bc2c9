import Foundation
import TicketStoreSQLite
import Tickets

/// Everything `tickets show` tells about one ticket, read once from the store.
struct TicketHistory {
    var ticket: Ticket
    var messages: [StoredMessage]
    var classifications: [Classification]
    /// Queued replies with their delivery state; suppressed ones are `reply.suppressed` events.
    var replies: [OutboxItem]
    var audit: [AuditEntry]
    var costAcceptances: [CostAcceptance]
    var timeEntries: [TimeEntry]

    var totalMinutes: Int { timeEntries.reduce(0) { $0 + $1.minutes } }

    /// The replies the responder or an agent held back, with why (from the audit trail).
    var suppressedReplies: [TicketEvent] { audit.map(\.event).filter { $0.kind == "reply.suppressed" } }

    static func load(_ ticket: Ticket, from store: SQLiteTicketStore) throws -> TicketHistory {
        let number = ticket.number
        return TicketHistory(
            ticket: ticket, messages: try store.messages(ticketNumber: number),
            classifications: try store.classifications(ticketNumber: number), replies: try store.replies(ticketNumber: number),
            audit: try store.auditTrail(ticketNumber: number), costAcceptances: try store.costAcceptances(ticketNumber: number),
            timeEntries: try store.timeEntries(ticketNumber: number))
    }
}
