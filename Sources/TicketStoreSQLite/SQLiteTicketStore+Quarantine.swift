public import Foundation
public import Tickets

extension SQLiteTicketStore {
    public func quarantine(_ attempt: FailedAttempt) throws -> Int {
        try database.writeTransaction {
            let at = UTCTimestamp.text(attempt.at)
            try database.run("""
                INSERT INTO ledger (mailbox, uid_validity, uid, message_id, raw_sha256, content_sha256, state,
                                    attempts, outcome, first_seen_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'quarantined', 0, ?7, ?8, ?8)
                ON CONFLICT (mailbox, uid_validity, uid) DO UPDATE
                SET state = 'quarantined', outcome = ?7, marked = 0, updated_at = ?8
                """, LedgerRow.values(attempt) + [.text(attempt.reason), .text(at)])
            let ledgerID = try database.first("""
                SELECT id, attempts FROM ledger WHERE mailbox = ? AND uid_validity = ? AND uid = ?
                """, Array(LedgerRow.values(attempt).prefix(3)), row: { ($0.int64(0), $0.int(1)) })
            guard let ledgerID else { throw SQLiteError(code: 0, message: "ledger row vanished", sql: "quarantine") }
            try database.run("""
                INSERT INTO quarantine (ledger_id, reason, attempts, state, raw, size, created_at)
                VALUES (?1, ?2, ?3, 'held', ?4, ?5, ?6)
                ON CONFLICT (ledger_id) DO UPDATE
                SET reason = ?2, attempts = ?3, state = 'held', raw = ?4, size = ?5, created_at = ?6, resolved_at = NULL
                """, [.integer(ledgerID.0), .text(attempt.reason), .int(ledgerID.1), .blob(attempt.raw),
                      .int(attempt.size), .text(at)])
            return try database.first("SELECT id FROM quarantine WHERE ledger_id = ?", [.integer(ledgerID.0)]) {
                $0.int(0)
            } ?? 0
        }
    }

    public func quarantineEntries(state: QuarantineEntry.State?) throws -> [QuarantineEntry] {
        try database.query(
            Self.quarantineSelect + " WHERE ?1 IS NULL OR q.state = ?1 ORDER BY q.id",
            [.optional(state?.rawValue)], row: Self.readQuarantine)
    }

    public func quarantineEntry(id: Int) throws -> QuarantineEntry? {
        try database.first(Self.quarantineSelect + " WHERE q.id = ?", [.int(id)], row: Self.readQuarantine)
    }

    public func retryQuarantined(id: Int, with record: IntakeRecord, responder: (any Responder)?) throws -> IntakeOutcome {
        try database.writeTransaction {
            try requireHeld(id)
            try database.run(
                "UPDATE quarantine SET state = 'retried', resolved_at = ? WHERE id = ?",
                [.text(UTCTimestamp.text(record.receivedAt)), .int(id)])
            return try IntakeApplier.apply(record, responder: responder, to: SQLiteIntakeWriter(database: database))
        }
    }

    public func discardQuarantined(id: Int, at date: Date) throws {
        try database.writeTransaction {
            try requireHeld(id)
            let at = UTCTimestamp.text(date)
            try database.run("UPDATE quarantine SET state = 'discarded', resolved_at = ? WHERE id = ?", [.text(at), .int(id)])
            try database.run("""
                UPDATE ledger SET state = 'discarded', outcome = 'discarded from quarantine', updated_at = ?
                WHERE id = (SELECT ledger_id FROM quarantine WHERE id = ?)
                """, [.text(at), .int(id)])
        }
    }

    private func requireHeld(_ id: Int) throws {
        guard let entry = try quarantineEntry(id: id) else { throw TicketStoreError.unknownQuarantineEntry(id) }
        guard entry.state == .held else { throw TicketStoreError.notHeld(id: id, state: entry.state) }
    }

    private static let quarantineSelect = """
        SELECT q.id, l.mailbox, l.uid_validity, l.uid, l.message_id, q.reason, q.attempts, q.state, q.raw, q.size,
               q.created_at
        FROM quarantine q JOIN ledger l ON l.id = q.ledger_id
        """

    private static func readQuarantine(_ row: SQLiteStatement) -> QuarantineEntry {
        QuarantineEntry(
            id: row.int(0),
            key: LedgerKey(
                mailbox: row.text(1) ?? "", uidValidity: UInt32(truncatingIfNeeded: row.int64(2)),
                uid: UInt32(truncatingIfNeeded: row.int64(3))),
            messageID: row.text(4), reason: row.text(5) ?? "", attempts: row.int(6),
            state: row.text(7).flatMap(QuarantineEntry.State.init(rawValue:)) ?? .held, raw: row.blob(8),
            size: row.int(9), quarantinedAt: UTCTimestamp.date(row.text(10)))
    }
}
