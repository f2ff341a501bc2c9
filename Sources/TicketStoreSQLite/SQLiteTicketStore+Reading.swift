import Foundation
public import Tickets

extension SQLiteTicketStore {
    static let ticketSelect = """
        SELECT t.number, t.status, t.customer, t.subject, t.suggested_handling, t.confirmed_handling, t.confirmed_by,
               t.cost_accepted, t.notes_json, t.created_at,
               (SELECT group_concat(m.message_id, char(10)) FROM messages m WHERE m.ticket_id = t.id)
        FROM tickets t
        """

    public func tickets(status: TicketStatus?, limit: Int?) throws -> [Ticket] {
        try database.query(
            Self.ticketSelect + " WHERE ?1 IS NULL OR t.status = ?1 ORDER BY t.number DESC LIMIT ?2",
            [.optional(status?.rawValue), .int(limit ?? -1)], row: Self.readTicket)
    }

    public func ticket(number: String) throws -> Ticket? {
        guard let number = Int(number) else { return nil }
        return try database.first(Self.ticketSelect + " WHERE t.number = ?", [.int(number)], row: Self.readTicket)
    }

    public func messages(ticketNumber: String) throws -> [StoredMessage] {
        try database.query("""
            SELECT m.message_id, m.content_sha256, m.raw, m.size, m.received_at
            FROM messages m JOIN tickets t ON t.id = m.ticket_id WHERE t.number = ? ORDER BY m.id
            """, [.int(Int(ticketNumber) ?? -1)]) {
            StoredMessage(
                messageID: $0.text(0), contentSHA256: $0.text(1) ?? "", raw: $0.blob(2), size: $0.int(3),
                receivedAt: UTCTimestamp.date($0.text(4)))
        }
    }

    public func events(ticketNumber: String) throws -> [TicketEvent] {
        try database.query("""
            SELECT e.kind, e.actor, e.detail, e.created_at
            FROM events e JOIN tickets t ON t.id = e.ticket_id WHERE t.number = ? ORDER BY e.id
            """, [.int(Int(ticketNumber) ?? -1)]) {
            TicketEvent(kind: $0.text(0) ?? "", actor: $0.text(1) ?? "", detail: $0.text(2) ?? "",
                        at: UTCTimestamp.date($0.text(3)))
        }
    }

    public func classifications(ticketNumber: String) throws -> [Classification] {
        try database.query("""
            SELECT c.category, c.suggested_handling, c.confidence, c.needs_review, c.language, c.reasons_json
            FROM classifications c JOIN tickets t ON t.id = c.ticket_id WHERE t.number = ? ORDER BY c.id
            """, [.int(Int(ticketNumber) ?? -1)]) {
            Classification(
                category: $0.text(0).flatMap(Classification.Category.init(rawValue:)) ?? .standard,
                suggestedHandling: $0.text(1).flatMap(Handling.init(rawValue:)), confidence: $0.double(2),
                needsReview: $0.int(3) != 0, language: $0.text(4),
                reasons: JSONText.decode([ClassificationReason].self, from: $0.text(5), fallback: []))
        }
    }

    public func ticketCount() throws -> Int {
        try database.first("SELECT COUNT(*) FROM tickets") { $0.int(0) } ?? 0
    }

    static func readTicket(_ row: SQLiteStatement) -> Ticket {
        Ticket(
            number: String(row.int64(0)), status: row.text(1).flatMap(TicketStatus.init(rawValue:)) ?? .new,
            customer: row.text(2) ?? "", subject: row.text(3) ?? "",
            suggestedHandling: row.text(4).flatMap(Handling.init(rawValue:)),
            confirmedHandling: row.text(5).flatMap(Handling.init(rawValue:)), confirmedBy: row.text(6),
            costAccepted: row.isNull(7) ? nil : row.int(7) != 0,
            messageIDs: (row.text(10) ?? "").split(separator: "\n").map(String.init),
            billableQuarterHours: 0, createdAt: UTCTimestamp.date(row.text(9)),
            notes: JSONText.decode([String].self, from: row.text(8), fallback: []))
    }
}
