import Foundation
import Tickets

/// The outbox rows in SQLite, shared by the intake (replies to new mail) and the agent commands
/// (notices after a decision).
enum SQLiteOutbox {
    /// Queues `message` as due now. The Message-ID is unique: queuing the same notice again is a no-op.
    static func insert(_ message: OutboxMessage, ticketID: Int64?, answering messageRow: Int64?, at date: Date,
                       in database: SQLiteDatabase) throws {
        let now = database.timestampText(date)
        try database.run("""
            INSERT INTO outbox (ticket_id, answers_message_row, kind, message_id, recipient, raw, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING
            """, [ticketID.map(SQLiteValue.integer) ?? .null, messageRow.map(SQLiteValue.integer) ?? .null,
                  .text(message.kind), .text(message.messageID), .text(message.recipient), .blob(message.bytes),
                  .text(now), .text(now)])
    }

    static let select = """
        SELECT o.id, t.number, o.kind, o.message_id, o.recipient, o.raw, o.state, o.attempts, o.next_attempt_at,
               o.last_error, o.created_at, o.sent_at
        FROM outbox o LEFT JOIN tickets t ON t.id = o.ticket_id
        """

    static func read(_ row: SQLiteStatement) -> OutboxItem {
        OutboxItem(
            id: row.int(0), ticketNumber: row.isNull(1) ? nil : String(row.int64(1)),
            message: OutboxMessage(messageID: row.text(3) ?? "", kind: row.text(2) ?? "", recipient: row.text(4) ?? "",
                                   bytes: row.blob(5)),
            state: row.text(6).flatMap(OutboxItem.State.init(rawValue:)) ?? .pending, attempts: row.int(7),
            nextAttemptAt: row.text(8).map { UTCTimestamp.date($0) }, lastError: row.text(9),
            createdAt: UTCTimestamp.date(row.text(10)), sentAt: row.text(11).map { UTCTimestamp.date($0) })
    }
}
