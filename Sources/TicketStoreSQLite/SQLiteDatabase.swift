import CSQLite
import Foundation
import Glibc
import Tickets

/// One SQLite connection (`sqlite3*`): opened with WAL, a busy timeout and foreign keys, closed in
/// deinit or explicitly with `close()`, which reports a failure. Not Sendable: one connection per
/// thread of work, as SQLite's own guidance says.
public final class SQLiteDatabase {
    /// How long a writer waits for another connection's lock before failing with SQLITE_BUSY.
    public static let busyTimeoutMilliseconds: Int32 = 5_000
    /// How long a waiting writer sleeps between tries. SQLite's own busy timeout sleeps 1, 2, 5,
    /// 10… ms, so a writer waiting for a 3 ms commit of the other connection (the intake and the
    /// outbox sender each have one) would often sleep 8 ms: too coarse for locks this short.
    static let busyRetryMicroseconds: Int32 = 200
    /// WAL pages after which a commit copies the WAL into the database file (SQLite's default is
    /// 1,000, ~4 MB). Each such checkpoint costs two disk syncs; at the default the intake ran one
    /// every few hundred messages, which on a busy disk cost more than the intake's own once-per-group
    /// sync. 16 MB of WAL is still small, and it is emptied by every checkpoint.
    public static let walAutocheckpointPages = 4_000

    /// Process-wide settings that must precede the first connection: no allocation statistics
    /// (a global mutex around each of SQLite's allocations, ~7 % of the intake's commit time).
    private static let processSetUp: Void = {
        _ = csqlite_disable_memory_statistics()
    }()

    private(set) var handle: OpaquePointer?
    public let path: String
    private var statements: [StatementKey: SQLiteStatement] = [:]
    /// 0 outside a transaction, 1 inside `writeTransaction`, more inside nested ones (savepoints).
    private var transactionDepth = 0
    private var outerTransactionLost = false
    /// False while `batchTransaction` runs its batch without savepoints (see there).
    private var nestedCallsIsolated = true
    /// Set when a nested call failed while nested calls were not isolated: the transaction can
    /// only be rolled back, and every further nested call fails at once.
    private var nestedCallFailed = false
    /// `sqlite3_total_changes64` right after the last commit that synced the WAL; nil before the
    /// first. While it still matches, every change this connection made is on disk already.
    private var changesWhenLastSynced: Int64?
    /// The last time `timestampText` formatted (see there).
    private var lastTimestamp: (date: Date, text: String)?

    /// Opens (creating if needed) the database at `path`.
    ///
    /// `synchronous=NORMAL` in WAL mode keeps every commit across a crash of this process (the WAL
    /// is written before commit returns); only a power loss or OS crash can roll back the last
    /// commits. `makeDurable()` closes that gap where it matters: the intake calls it before it
    /// marks mail on the server, so one WAL sync per batch instead of one per message (and the
    /// batch's own commit, a `durableWriteTransaction`, is that sync).
    ///
    /// `temp_store=MEMORY` keeps the savepoint journal in memory: each message of a batch is a
    /// savepoint, and on disk that journal cost a 4 KB temp-file write for every page a message
    /// touched (~16 per message), more I/O than the WAL itself. It is emptied at every release.
    public init(path: String) throws {
        _ = SQLiteDatabase.processSetUp
        self.path = path
        var connection: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        handle = connection
        try check(code, "open \(path)")
        sqlite3_busy_handler(connection, { _, tries in
            guard Int64(tries) * Int64(SQLiteDatabase.busyRetryMicroseconds) < Int64(SQLiteDatabase.busyTimeoutMilliseconds) * 1_000 else {
                return 0
            }
            usleep(UInt32(SQLiteDatabase.busyRetryMicroseconds))
            return 1
        }, nil)
        sqlite3_extended_result_codes(connection, 1)
        try execute("PRAGMA journal_mode=WAL")
        try execute("PRAGMA synchronous=NORMAL")
        try execute("PRAGMA foreign_keys=ON")
        try execute("PRAGMA temp_store=MEMORY")
        try execute("PRAGMA wal_autocheckpoint=\(SQLiteDatabase.walAutocheckpointPages)")
    }

    /// Set by `checkpointInBackground`; kept alive as long as this connection's WAL hook points at it.
    private var checkpointer: BackgroundCheckpointer?

    /// Hands this connection's checkpoints to a thread of their own (`BackgroundCheckpointer`):
    /// the WAL hook, which SQLite's autocheckpoint uses too, now only wakes that thread.
    func checkpointInBackground() throws {
        guard checkpointer == nil else { return }
        let made = try BackgroundCheckpointer(path: path)
        checkpointer = made
        sqlite3_wal_hook(handle, { context, _, _, pages in
            if let context { Unmanaged<BackgroundCheckpointer>.fromOpaque(context).takeUnretainedValue().walGrew(toPages: pages) }
            return SQLITE_OK
        }, Unmanaged.passUnretained(made).toOpaque())
    }

    /// Stops the checkpointing thread (if any) and gives checkpoints back to this connection.
    private func stopBackgroundCheckpoints() {
        guard let checkpointer else { return }
        sqlite3_wal_autocheckpoint(handle, Int32(Self.walAutocheckpointPages))
        checkpointer.stop()
        self.checkpointer = nil
    }

    deinit {
        stopBackgroundCheckpoints()
        statements.removeAll()
        if let handle { sqlite3_close_v2(handle) }
    }

    /// Finalizes cached statements and closes; throws if SQLite refuses (e.g. a statement is still open).
    public func close() throws {
        stopBackgroundCheckpoints()
        statements.removeAll()
        guard let connection = handle else { return }
        try check(sqlite3_close(connection), "close \(path)")
        handle = nil
    }

    /// Maps a result code to `SQLiteError` with SQLite's message and the SQL that produced it.
    func check(_ code: Int32, _ sql: @autoclosure () -> String) throws {
        guard code != SQLITE_OK, code != SQLITE_ROW, code != SQLITE_DONE else { return }
        let message = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
        throw SQLiteError(code: code, message: message, sql: sql())
    }

    /// Runs one or more statements that return nothing of interest.
    func execute(_ sql: String) throws {
        try check(sqlite3_exec(handle, sql, nil, nil, nil), sql)
    }

    /// A prepared statement for `sql`, reused across calls, with `values` bound.
    func statement(_ sql: String, _ values: [SQLiteValue] = []) throws -> SQLiteStatement {
        let statement: SQLiteStatement
        if let cached = statements[StatementKey(sql: sql)] {
            statement = cached
        } else {
            statement = try SQLiteStatement(database: self, sql: sql)
            statements[StatementKey(sql: sql)] = statement
        }
        try statement.bind(values)
        return statement
    }

    /// Runs a statement that returns no rows.
    func run(_ sql: String, _ values: [SQLiteValue] = []) throws {
        let statement = try statement(sql, values)
        defer { statement.reset() }
        while try statement.step() {}
    }

    /// Runs a query and maps each row.
    func query<Row>(_ sql: String, _ values: [SQLiteValue] = [], row: (SQLiteStatement) throws -> Row) throws -> [Row] {
        let statement = try statement(sql, values)
        defer { statement.reset() }
        var rows: [Row] = []
        while try statement.step() { rows.append(try row(statement)) }
        return rows
    }

    /// The first row of a query, if any.
    func first<Row>(_ sql: String, _ values: [SQLiteValue] = [], row: (SQLiteStatement) throws -> Row) throws -> Row? {
        let statement = try statement(sql, values)
        defer { statement.reset() }
        return try statement.step() ? try row(statement) : nil
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// `UTCTimestamp.text(date)`, remembering the last one: the intake writes a chunk's one
    /// received-at time into five or six columns of every message, and formatting it each time
    /// was about 3 % of the commit's CPU.
    func timestampText(_ date: Date) -> String {
        if let lastTimestamp, lastTimestamp.date == date { return lastTimestamp.text }
        let text = UTCTimestamp.text(date)
        lastTimestamp = (date, text)
        return text
    }

    /// Runs `body` in a write transaction (`BEGIN IMMEDIATE`, so the write lock is taken up front
    /// and a concurrent writer waits instead of failing mid-transaction); rolls back if it throws.
    ///
    /// Nested calls become savepoints: an inner failure rolls back only the inner work and the
    /// outer transaction carries on (one commit for a batch of messages, each still all or
    /// nothing). If SQLite itself abandoned the outer transaction (it does on some I/O errors),
    /// every further nested call fails and so does the outer commit, so nothing half-done is kept.
    /// (In the first run of a `batchTransaction` nested calls are not savepoints; see there.)
    func writeTransaction<T>(_ body: () throws -> T) throws -> T {
        if transactionDepth > 0 { return try nestedCallsIsolated ? savepoint(body) : unisolated(body) }
        return try outerTransaction(isolatingNestedCalls: true, body)
    }

    /// One write transaction around a batch of calls that are each a write transaction of their
    /// own (the intake's messages), where each should stay all or nothing on its own.
    ///
    /// It first runs `body` with the nested calls not isolated from each other: no savepoint per
    /// call, whose journal copied every page a message touched (~60,000 instructions per message,
    /// a sixth of the committing thread). When a nested call fails there is nothing to roll it
    /// back to, so the whole transaction is rolled back and `body` runs again, with savepoints, so
    /// that the failing call leaves the others. `body` must therefore be safe to run twice: it may
    /// change nothing but this database before it returns. `syncing` as in `durableWriteTransaction`.
    func batchTransaction<T>(syncing: Bool, _ body: () throws -> T) throws -> T {
        if transactionDepth > 0 { return try writeTransaction(body) }
        do {
            return try syncingIf(syncing) { try outerTransaction(isolatingNestedCalls: false, body) }
        } catch is NestedCallFailed {
            return try syncingIf(syncing) { try outerTransaction(isolatingNestedCalls: true, body) }
        }
    }

    /// A write transaction whose commit also syncs the WAL (`synchronous=FULL` for this one
    /// commit): one fsync that makes it and every earlier commit survive a power loss, so the
    /// `makeDurable()` after it has nothing left to do. Nested, it is an ordinary nested call.
    func durableWriteTransaction<T>(_ body: () throws -> T) throws -> T {
        if transactionDepth > 0 { return try writeTransaction(body) }
        return try syncingIf(true) { try outerTransaction(isolatingNestedCalls: true, body) }
    }

    private func syncingIf<T>(_ syncing: Bool, _ commit: () throws -> T) throws -> T {
        guard syncing else { return try commit() }
        try execute("PRAGMA synchronous=FULL")
        defer { try? execute("PRAGMA synchronous=NORMAL") }
        let result = try commit()
        changesWhenLastSynced = sqlite3_total_changes64(handle)
        return result
    }

    private func outerTransaction<T>(isolatingNestedCalls: Bool, _ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        transactionDepth = 1
        outerTransactionLost = false
        nestedCallsIsolated = isolatingNestedCalls
        nestedCallFailed = false
        defer {
            transactionDepth = 0
            nestedCallsIsolated = true
        }
        do {
            let result = try body()
            // `body` may have caught a nested call's error and carried on: its changes can't be
            // told apart from the others, so nothing of this run may be committed.
            if nestedCallFailed { throw NestedCallFailed() }
            if outerTransactionLost {
                throw SQLiteError(code: SQLITE_ABORT, message: "the transaction was rolled back by SQLite", sql: "COMMIT")
            }
            try execute("COMMIT")
            return result
        } catch {
            if sqlite3_get_autocommit(handle) == 0 { try? execute("ROLLBACK") }
            throw nestedCallFailed ? NestedCallFailed() : error
        }
    }

    /// A nested call in a batch run without savepoints (see `batchTransaction`).
    private func unisolated<T>(_ body: () throws -> T) throws -> T {
        guard !nestedCallFailed else { throw NestedCallFailed() }
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        do {
            return try body()
        } catch {
            nestedCallFailed = true
            throw error
        }
    }

    private func savepoint<T>(_ body: () throws -> T) throws -> T {
        guard !outerTransactionLost else {
            throw SQLiteError(code: SQLITE_ABORT, message: "the transaction was rolled back by SQLite", sql: "SAVEPOINT")
        }
        let name = "nested\(transactionDepth)"
        // Prepared once and reused: the intake opens and releases one savepoint per message, and
        // parsing the two statements each time cost more than some of the message's inserts.
        try run("SAVEPOINT \(name)")
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        do {
            let result = try body()
            try run("RELEASE \(name)")
            return result
        } catch {
            if sqlite3_get_autocommit(handle) != 0 {
                outerTransactionLost = true
            } else {
                try? execute("ROLLBACK TO \(name)")
                try? execute("RELEASE \(name)")
            }
            throw error
        }
    }

    /// After this returns, every commit so far survives a power loss: nothing to do when this
    /// connection changed nothing since its last `durableWriteTransaction`, else the WAL is synced.
    ///
    /// The WAL file is synced directly, which is what a `synchronous=FULL` commit does. (This used
    /// to run a checkpoint, but a checkpoint syncs the WAL only when it can copy frames: one that
    /// found the background checkpointer running, or a reader's older snapshot holding every frame
    /// back, returned without syncing anything.)
    public func makeDurable() throws {
        if let synced = changesWhenLastSynced, synced == sqlite3_total_changes64(handle) { return }
        let descriptor = open(path + "-wal", O_RDONLY | O_CLOEXEC)
        if descriptor >= 0 {
            defer { Glibc.close(descriptor) }
            guard fdatasync(descriptor) == 0 else {
                throw SQLiteError(code: SQLITE_IOERR, message: "fdatasync: \(String(cString: strerror(errno)))", sql: "makeDurable \(path)-wal")
            }
        } else if errno != ENOENT {
            throw SQLiteError(code: SQLITE_IOERR, message: "open: \(String(cString: strerror(errno)))", sql: "makeDurable \(path)-wal")
        }
        // No WAL file: nothing is in flight; the checkpoint that removed it synced the database.
        changesWhenLastSynced = sqlite3_total_changes64(handle)
    }
}

/// A nested call failed in a batch whose nested calls were not isolated (see `batchTransaction`).
private struct NestedCallFailed: Error, CustomStringConvertible {
    var description: String { "an earlier call in this batch failed; the batch was rolled back" }
}

/// A statement's SQL as the cache key, hashed by its length and its first and last bytes rather
/// than all of it: hashing the whole text (a few hundred bytes, some ten times per message) was
/// about 3 % of the intake's commit. Keys that collide still compare their whole text.
private struct StatementKey: Hashable {
    static let hashedBytes = 16

    let sql: String

    static func == (lhs: StatementKey, rhs: StatementKey) -> Bool { lhs.sql == rhs.sql }

    func hash(into hasher: inout Hasher) {
        // `withUTF8` gives every kind of String (small, native, bridged) as the same bytes, so
        // equal keys hash alike; whole buffers, since a `combine` per byte cost more than hashing
        // the whole text.
        var text = sql
        text.withUTF8 { bytes in
            hasher.combine(bytes.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.prefix(Self.hashedBytes))))
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.suffix(Self.hashedBytes))))
        }
    }
}
