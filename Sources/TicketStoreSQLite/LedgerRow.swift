import Tickets

/// How ledger rows are read and written.
enum LedgerRow {
    static let select = """
        SELECT l.mailbox, l.uid_validity, l.uid, l.message_id, l.raw_sha256, l.content_sha256, l.state,
               l.attempts, l.outcome, t.number, l.marked, l.updated_at
        FROM ledger l LEFT JOIN tickets t ON t.id = l.ticket_id
        """

    static func read(_ row: SQLiteStatement) -> LedgerEntry {
        LedgerEntry(
            key: LedgerKey(
                mailbox: row.text(0) ?? "", uidValidity: UInt32(truncatingIfNeeded: row.int64(1)),
                uid: UInt32(truncatingIfNeeded: row.int64(2))),
            messageID: row.text(3), rawSHA256: row.text(4) ?? "", contentSHA256: row.text(5) ?? "",
            state: row.text(6).flatMap(LedgerState.init(rawValue:)) ?? .failed, attempts: row.int(7),
            outcome: row.text(8), ticketNumber: row.isNull(9) ? nil : String(row.int64(9)),
            marked: row.int(10) != 0, updatedAt: UTCTimestamp.date(row.text(11)))
    }

    /// ?1…?6: mailbox, UIDVALIDITY, UID, Message-ID, raw hash, content hash.
    static func values(_ attempt: FailedAttempt) -> [SQLiteValue] {
        [.text(attempt.key.mailbox), .int(Int(attempt.key.uidValidity)), .int(Int(attempt.key.uid)),
         .optional(attempt.messageID), .text(attempt.rawSHA256), .text(attempt.contentSHA256)]
    }
}
