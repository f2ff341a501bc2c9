import Foundation
import Tickets

/// The intake's rows in SQLite, written inside the caller's write transaction. One writer per
/// message: it remembers the message row it stored, which the classification, the cost
/// acceptance, the outbox row and the ledger row point to.
final class SQLiteIntakeWriter: IntakeWriter {
    private let database: SQLiteDatabase
    private var messageRow: Int64?
    private var ticketIDs: [String: Int64] = [:]

    init(database: SQLiteDatabase) {
        self.database = database
    }

    func duplicateTicket(of record: IntakeRecord) throws -> String? {
        try database.first("""
            SELECT t.number FROM messages m JOIN tickets t ON t.id = m.ticket_id
            WHERE m.content_sha256 = ? AND m.message_id IS ? ORDER BY m.id LIMIT 1
            """, [.text(record.contentSHA256), .optional(record.messageID)]) { String($0.int64(0)) }
    }

    func ticketAnswered(byAnyOf messageIDs: [String]) throws -> FollowUpRule.Candidate? {
        for id in messageIDs {
            if let found = try database.first("""
                SELECT t.number, t.customer FROM outbox o JOIN tickets t ON t.id = o.ticket_id WHERE o.message_id = ?
                """, [.text(id)], row: { FollowUpRule.Candidate(number: String($0.int64(0)), customer: $0.text(1) ?? "") }) {
                return found
            }
        }
        return nil
    }

    func ticket(number: String) throws -> Ticket? {
        guard let value = Int(number) else { return nil }
        return try database.first(SQLiteTicketStore.ticketSelect + " WHERE t.number = ?", [.int(value)],
                                  row: SQLiteTicketStore.readTicket)
    }

    func createTicket(_ fields: NewTicket, record: IntakeRecord) throws -> Ticket {
        let highest = try database.first("SELECT MAX(number) FROM tickets") { $0.isNull(0) ? nil : $0.int(0) } ?? nil
        let number = TicketNumbering.next(after: highest)
        let now = database.timestampText(record.receivedAt)
        try database.run("""
            INSERT INTO tickets (number, status, customer, subject, language, suggested_handling, notes_json,
                                 created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.int(number), .text(fields.status.rawValue), .text(fields.customer), .text(fields.subject),
                  .optional(record.classification?.language), .optional(fields.suggestedHandling?.rawValue),
                  .text(JSONText.encode(fields.notes)), .text(now), .text(now)])
        ticketIDs[String(number)] = database.lastInsertRowID
        try storeMessage(record, ticket: String(number))
        return Ticket(
            number: String(number), status: fields.status, customer: fields.customer, subject: fields.subject,
            suggestedHandling: fields.suggestedHandling, messageIDs: record.messageID.map { [$0] } ?? [],
            createdAt: record.receivedAt, notes: fields.notes)
    }

    func storeMessage(_ record: IntakeRecord, ticket: String?) throws {
        let ticketID = try ticket.map(id(ofTicket:))
        try database.run("""
            INSERT INTO messages (ticket_id, message_id, in_reply_to, raw_sha256, content_sha256, size, raw, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [ticketID.map(SQLiteValue.integer) ?? .null, .optional(record.messageID),
                  .optional(record.parsed?.inReplyTo), .text(record.rawSHA256), .text(record.contentSHA256),
                  .int(record.size), .blob(record.raw), .text(database.timestampText(record.receivedAt))])
        messageRow = database.lastInsertRowID
    }

    func addEvent(_ event: TicketEvent, ticket: String) throws {
        try SQLiteEvents.insert(event, ticketID: try id(ofTicket: ticket), in: database)
    }

    func addClassification(_ classification: Classification, ticket: String, at date: Date) throws {
        try database.run("""
            INSERT INTO classifications (ticket_id, message_row, category, suggested_handling, confidence,
                                         needs_review, language, reasons_json, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(try id(ofTicket: ticket)), messageRow.map(SQLiteValue.integer) ?? .null,
                  .text(classification.category.rawValue), .optional(classification.suggestedHandling?.rawValue),
                  .real(classification.confidence), .bool(classification.needsReview),
                  .optional(classification.language), .text(JSONText.encode(classification.reasons)),
                  .text(database.timestampText(date))])
    }

    func recordCostAnswer(_ effect: CostAnswerRule.Effect, ticket: String, record: IntakeRecord) throws {
        let ticketID = try id(ofTicket: ticket)
        let now = database.timestampText(record.receivedAt)
        try database.run("""
            INSERT INTO cost_acceptances (ticket_id, accepted, via, message_row, note, created_at)
            VALUES (?, ?, 'mail', ?, ?, ?)
            """, [.integer(ticketID), .bool(effect.costAccepted), messageRow.map(SQLiteValue.integer) ?? .null,
                  .text(effect.event.detail), .text(now)])
        try database.run("UPDATE tickets SET cost_accepted = ?, status = ?, updated_at = ? WHERE id = ?",
                         [.bool(effect.costAccepted), .text(effect.status.rawValue), .text(now), .integer(ticketID)])
    }

    func setStatus(_ status: TicketStatus, ticket: String, at date: Date) throws {
        try database.run("UPDATE tickets SET status = ?, updated_at = ? WHERE id = ?",
                         [.text(status.rawValue), .text(database.timestampText(date)), .integer(try id(ofTicket: ticket))])
    }

    func repliesSent(to recipient: String, since date: Date) throws -> [Date] {
        try database.query("SELECT created_at FROM outbox WHERE recipient = ? AND created_at > ?",
                           [.text(recipient), .text(database.timestampText(date))]) { UTCTimestamp.date($0.text(0)) }
    }

    func enqueue(_ message: OutboxMessage, ticket: String, at date: Date) throws {
        try SQLiteOutbox.insert(message, ticketID: try id(ofTicket: ticket), answering: messageRow, at: date, in: database)
    }

    func settleLedger(_ record: IntakeRecord, outcome: IntakeOutcome) throws {
        let ticketID = try outcome.ticketNumber.map(id(ofTicket:))
        try database.run("""
            INSERT INTO ledger (mailbox, uid_validity, uid, message_id, raw_sha256, content_sha256, state, attempts,
                                outcome, ticket_id, message_row, marked, first_seen_at, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?9, ?10, 0, ?11, ?11)
            ON CONFLICT (mailbox, uid_validity, uid) DO UPDATE
            SET message_id = ?4, raw_sha256 = ?5, content_sha256 = ?6, state = ?7, outcome = ?8, ticket_id = ?9,
                message_row = ?10, marked = 0, updated_at = ?11
            """, [.text(record.key.mailbox), .int(Int(record.key.uidValidity)), .int(Int(record.key.uid)),
                  .optional(record.messageID), .text(record.rawSHA256), .text(record.contentSHA256),
                  .text(outcome.ledgerState.rawValue), .text(outcome.summary), ticketID.map(SQLiteValue.integer) ?? .null,
                  messageRow.map(SQLiteValue.integer) ?? .null, .text(database.timestampText(record.receivedAt))])
    }

    private func id(ofTicket number: String) throws -> Int64 {
        if let known = ticketIDs[number] { return known }
        guard let value = Int(number),
              let id = try database.first("SELECT id FROM tickets WHERE number = ?", [.int(value)], row: { $0.int64(0) }) else {
            throw SQLiteError(code: 0, message: "no ticket \(number)", sql: "SELECT id FROM tickets")
        }
        ticketIDs[number] = id
        return id
    }
}
