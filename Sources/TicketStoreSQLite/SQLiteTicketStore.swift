import Foundation
public import Tickets

/// The SQLite ticket store: tickets, the intake ledger, mailbox cursors and quarantine in one
/// database file (WAL). One instance per process and thread; other processes may open the same
/// file (writers serialise on `BEGIN IMMEDIATE` and wait up to the busy timeout).
public final class SQLiteTicketStore: TicketStore {
    public let database: SQLiteDatabase

    /// Opens the store at `path`, creating and migrating the schema as needed.
    public init(path: String) throws {
        database = try SQLiteDatabase(path: path)
        try SchemaMigrations.migrate(database)
    }

    /// The schema version the database is at (`PRAGMA user_version`).
    public func schemaVersion() throws -> Int {
        try database.first("PRAGMA user_version") { $0.int(0) } ?? 0
    }

    public func close() throws { try database.close() }

    /// Copies the WAL into the database file on a thread of its own from now on, so that commits
    /// never wait for it (`BackgroundCheckpointer`); for the intake, which commits all the time.
    public func checkpointInBackground() throws { try database.checkpointInBackground() }

    public func makeDurable() throws { try database.makeDurable() }

    /// A `syncing` commit syncs the WAL, so the intake's `makeDurable()` right after it costs nothing.
    /// Runs `body` a second time when one of its calls failed (`SQLiteDatabase.batchTransaction`).
    public func inOneCommit<T>(syncing: Bool, _ body: () throws -> T) throws -> T {
        try database.batchTransaction(syncing: syncing, body)
    }

    public func cursor(mailbox: String) throws -> MailboxCursor? {
        try database.first("SELECT uid_validity, last_uid FROM mailboxes WHERE name = ?", [.text(mailbox)]) {
            MailboxCursor(uidValidity: UInt32(truncatingIfNeeded: $0.int64(0)), lastUID: UInt32(truncatingIfNeeded: $0.int64(1)))
        }
    }

    public func setCursor(_ cursor: MailboxCursor, mailbox: String) throws {
        try database.run("""
            INSERT INTO mailboxes (name, uid_validity, last_uid, updated_at) VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT (name) DO UPDATE SET uid_validity = ?2, last_uid = ?3, updated_at = ?4
            """, [.text(mailbox), .int(Int(cursor.uidValidity)), .int(Int(cursor.lastUID)),
                  .text(UTCTimestamp.text(Date()))])
    }

    public func ledgerEntries(mailbox: String, uidValidity: UInt32, uids: [UInt32]) throws -> [UInt32: LedgerEntry] {
        guard let low = uids.min(), let high = uids.max() else { return [:] }
        let wanted = Set(uids)
        let rows = try database.query(
            LedgerRow.select + " WHERE l.mailbox = ? AND l.uid_validity = ? AND l.uid BETWEEN ? AND ?",
            [.text(mailbox), .int(Int(uidValidity)), .int(Int(low)), .int(Int(high))], row: LedgerRow.read)
        var found: [UInt32: LedgerEntry] = [:]
        for entry in rows where wanted.contains(entry.key.uid) { found[entry.key.uid] = entry }
        return found
    }

    func ledgerEntry(_ key: LedgerKey) throws -> LedgerEntry? {
        try database.first(
            LedgerRow.select + " WHERE l.mailbox = ? AND l.uid_validity = ? AND l.uid = ?",
            [.text(key.mailbox), .int(Int(key.uidValidity)), .int(Int(key.uid))], row: LedgerRow.read)
    }

    public func recordFailure(_ attempt: FailedAttempt) throws -> Int {
        try database.writeTransaction {
            try database.run("""
                INSERT INTO ledger (mailbox, uid_validity, uid, message_id, raw_sha256, content_sha256, state,
                                    attempts, outcome, first_seen_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'failed', 1, ?7, ?8, ?8)
                ON CONFLICT (mailbox, uid_validity, uid) DO UPDATE
                SET attempts = attempts + 1, outcome = ?7, updated_at = ?8 WHERE state = 'failed'
                """, LedgerRow.values(attempt) + [.text(attempt.reason), .text(UTCTimestamp.text(attempt.at))])
            return try ledgerEntry(attempt.key)?.attempts ?? 0
        }
    }

    /// One UPDATE per mailbox and UIDVALIDITY, its UIDs passed as one JSON array: a statement per
    /// key (a few hundred per marked group) cost twice the row updates themselves.
    public func recordMarked(_ keys: [LedgerKey]) throws {
        let groups = Dictionary(grouping: keys) { MailboxAndValidity(mailbox: $0.mailbox, uidValidity: $0.uidValidity) }
        try database.writeTransaction {
            for (group, keys) in groups {
                try database.run("""
                    UPDATE ledger SET marked = 1
                    WHERE mailbox = ? AND uid_validity = ? AND uid IN (SELECT value FROM json_each(?)) AND state <> 'failed'
                    """, [.text(group.mailbox), .int(Int(group.uidValidity)),
                          .text("[" + keys.map { String($0.uid) }.joined(separator: ",") + "]")])
            }
        }
    }

    public func ledgerCounts() throws -> [LedgerState: Int] {
        var counts: [LedgerState: Int] = [:]
        for (state, count) in try database.query("SELECT state, COUNT(*) FROM ledger GROUP BY state", row: {
            ($0.text(0).flatMap(LedgerState.init(rawValue:)), $0.int(1))
        }) {
            if let state { counts[state] = count }
        }
        return counts
    }
}

/// Which ledger rows one `recordMarked` statement covers.
private struct MailboxAndValidity: Hashable {
    var mailbox: String
    var uidValidity: UInt32
}
