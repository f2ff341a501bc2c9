public import Foundation
public import Tickets

extension SQLiteTicketStore {
    public func dueReplies(at date: Date, limit: Int) throws -> [OutboxItem] {
        try database.query(
            SQLiteOutbox.select + " WHERE o.state = 'pending' AND o.next_attempt_at <= ? ORDER BY o.id LIMIT ?",
            [.text(UTCTimestamp.text(date)), .int(limit)], row: SQLiteOutbox.read)
    }

    /// Its own small commit right after the server's acceptance: the double-send window is this
    /// one statement (see `OutboxDelivery`).
    public func recordReplySent(id: Int, at date: Date) throws {
        try database.writeTransaction {
            try database.run(
                "UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL WHERE id = ?",
                [.text(UTCTimestamp.text(date)), .int(id)])
        }
    }

    public func recordReplyFailure(id: Int, error: String, retryAt: Date?, at date: Date) throws {
        try database.writeTransaction {
            try database.run("""
                UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
                                  state = CASE WHEN ? IS NULL THEN 'failed' ELSE state END
                WHERE id = ?
                """, [.text(error), .optional(retryAt.map(UTCTimestamp.text)),
                      .optional(retryAt.map(UTCTimestamp.text)), .int(id)])
        }
    }

    public func replies(ticketNumber: String) throws -> [OutboxItem] {
        try database.query(SQLiteOutbox.select + " WHERE t.number = ? ORDER BY o.id",
                           [.int(Int(ticketNumber) ?? -1)], row: SQLiteOutbox.read)
    }

    public func outboxItems(state: OutboxItem.State?) throws -> [OutboxItem] {
        try database.query(SQLiteOutbox.select + " WHERE ?1 IS NULL OR o.state = ?1 ORDER BY o.id",
                           [.optional(state?.rawValue)], row: SQLiteOutbox.read)
    }

    public func requeueReply(id: Int, at date: Date) throws {
        try database.writeTransaction {
            guard let state = try database.first("SELECT state FROM outbox WHERE id = ?", [.int(id)], row: {
                $0.text(0).flatMap(OutboxItem.State.init(rawValue:))
            }) else { throw TicketStoreError.unknownOutboxItem(id) }
            guard state == .failed else { throw TicketStoreError.notParked(id: id, state: state ?? .pending) }
            try database.run("UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ? WHERE id = ?",
                             [.text(UTCTimestamp.text(date)), .int(id)])
        }
    }

    public func outboxCounts() throws -> [OutboxItem.State: Int] {
        var counts: [OutboxItem.State: Int] = [:]
        for (state, count) in try database.query("SELECT state, COUNT(*) FROM outbox GROUP BY state", row: {
            ($0.text(0).flatMap(OutboxItem.State.init(rawValue:)), $0.int(1))
        }) {
            if let state { counts[state] = count }
        }
        return counts
    }
}
