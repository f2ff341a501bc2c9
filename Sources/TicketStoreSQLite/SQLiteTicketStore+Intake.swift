import Foundation
public import Tickets

extension SQLiteTicketStore {
    public func commitIntake(_ record: IntakeRecord) throws -> IntakeOutcome {
        try database.writeTransaction {
            if let existing = try ledgerEntry(record.key), existing.state.isSettled { return .alreadySettled(existing) }
            return try apply(record)
        }
    }

    /// Writes the record's message, ticket or duplicate note, events and ledger row. Runs inside
    /// the caller's write transaction, so the duplicate check and the insert cannot interleave
    /// with another process.
    func apply(_ record: IntakeRecord) throws -> IntakeOutcome {
        let now = SQLiteTimestamp.text(record.receivedAt)
        let outcome: IntakeOutcome
        var ticketID: Int64?
        var messageRow: Int64?
        switch record.action {
        case .ignore(let reason):
            messageRow = try insertMessage(record, ticketID: nil)
            outcome = .ignored(reason: reason)
        case .newTicket(let fields):
            if let original = try database.first("""
                SELECT t.id, t.number FROM messages m JOIN tickets t ON t.id = m.ticket_id
                WHERE m.content_sha256 = ? AND m.message_id IS ? ORDER BY m.id LIMIT 1
                """, [.text(record.contentSHA256), .optional(record.messageID)], row: { ($0.int64(0), $0.int64(1)) }) {
                ticketID = original.0
                try insertEvent(IntakeEvents.duplicate(record), ticketID: original.0)
                outcome = .duplicate(of: String(original.1))
            } else {
                let (id, number) = try insertTicket(fields, record: record)
                ticketID = id
                messageRow = try insertMessage(record, ticketID: id)
                for event in IntakeEvents.created(record, notes: fields.notes) { try insertEvent(event, ticketID: id) }
                if let classification = record.classification {
                    try insertClassification(classification, ticketID: id, messageRow: messageRow, at: now)
                }
                outcome = .ticketed(number: String(number))
            }
        }
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
                  messageRow.map(SQLiteValue.integer) ?? .null, .text(now)])
        return outcome
    }

    private func insertTicket(_ fields: NewTicket, record: IntakeRecord) throws -> (id: Int64, number: Int) {
        let highest = try database.first("SELECT MAX(number) FROM tickets") { $0.isNull(0) ? nil : $0.int(0) } ?? nil
        let number = TicketNumbering.next(after: highest)
        let now = SQLiteTimestamp.text(record.receivedAt)
        try database.run("""
            INSERT INTO tickets (number, status, customer, subject, language, suggested_handling, notes_json,
                                 created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.int(number), .text(fields.status.rawValue), .text(fields.customer), .text(fields.subject),
                  .optional(record.classification?.language), .optional(fields.suggestedHandling?.rawValue),
                  .text(JSONText.encode(fields.notes)), .text(now), .text(now)])
        return (database.lastInsertRowID, number)
    }

    private func insertMessage(_ record: IntakeRecord, ticketID: Int64?) throws -> Int64 {
        try database.run("""
            INSERT INTO messages (ticket_id, message_id, raw_sha256, content_sha256, size, raw, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [ticketID.map(SQLiteValue.integer) ?? .null, .optional(record.messageID), .text(record.rawSHA256),
                  .text(record.contentSHA256), .int(record.size), .blob(record.raw),
                  .text(SQLiteTimestamp.text(record.receivedAt))])
        return database.lastInsertRowID
    }

    func insertEvent(_ event: TicketEvent, ticketID: Int64) throws {
        try database.run(
            "INSERT INTO events (ticket_id, kind, actor, detail, created_at) VALUES (?, ?, ?, ?, ?)",
            [.integer(ticketID), .text(event.kind), .text(event.actor), .text(event.detail),
             .text(SQLiteTimestamp.text(event.at))])
    }

    private func insertClassification(
        _ classification: Classification, ticketID: Int64, messageRow: Int64?, at now: String
    ) throws {
        try database.run("""
            INSERT INTO classifications (ticket_id, message_row, category, suggested_handling, confidence,
                                         needs_review, language, reasons_json, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(ticketID), messageRow.map(SQLiteValue.integer) ?? .null,
                  .text(classification.category.rawValue), .optional(classification.suggestedHandling?.rawValue),
                  .real(classification.confidence), .bool(classification.needsReview),
                  .optional(classification.language), .text(JSONText.encode(classification.reasons)), .text(now)])
    }
}
