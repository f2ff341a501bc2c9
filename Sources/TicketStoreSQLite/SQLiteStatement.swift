import CSQLite

/// SQLite's "copy the bytes now" destructor, so bound buffers need not outlive the call.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// One prepared statement (`sqlite3_stmt*`), finalized in deinit. Not Sendable: it belongs to the
/// connection that prepared it.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private let database: SQLiteDatabase
    let sql: String
    /// How many parameters the statement has (the highest ?N).
    private let parameterCount: Int

    init(database: SQLiteDatabase, sql: String) throws {
        var statement: OpaquePointer?
        try database.check(sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil), sql)
        guard let statement else { throw SQLiteError(code: SQLITE_MISUSE, message: "empty statement", sql: sql) }
        self.handle = statement
        self.database = database
        self.sql = sql
        self.parameterCount = Int(sqlite3_bind_parameter_count(statement))
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds `values` to ?1, ?2, …; parameters past the last value are NULL, not left from the
    /// previous use. Clearing is skipped when every parameter gets a value, as on the intake's
    /// statements: `sqlite3_clear_bindings` walks and frees every bound value, a needless second pass.
    func bind(_ values: [SQLiteValue]) throws {
        sqlite3_reset(handle)
        if values.count < parameterCount { sqlite3_clear_bindings(handle) }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
            case .real(let number): code = sqlite3_bind_double(handle, index, number)
            case .text(var text):
                // The UTF-8 bytes with their length: a String passed as `char *` is copied into a
                // new C string first unless it is already native, and SQLite would measure it again.
                code = text.withUTF8 { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { characters in
                        // Empty text is '', not NULL: SQLite reads a nil pointer as NULL.
                        guard let base = characters.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, transient) }
                        return sqlite3_bind_text(handle, index, base, Int32(characters.count), transient)
                    }
                }
            case .blob(let bytes):
                code = bytes.withUnsafeBytes { buffer in
                    guard let base = buffer.baseAddress else { return sqlite3_bind_zeroblob(handle, index, 0) }
                    return sqlite3_bind_blob(handle, index, base, Int32(buffer.count), transient)
                }
            }
            try database.check(code, sql)
        }
    }

    /// Advances; true while there is a row to read.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        sqlite3_reset(handle)
        try database.check(code, sql)
        return false
    }

    /// Lets go of the statement's read snapshot and locks.
    func reset() { sqlite3_reset(handle) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: bytes)
    }

    func blob(_ column: Int32) -> [UInt8] {
        guard let base = sqlite3_column_blob(handle, column) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, column))
        return Array(UnsafeRawBufferPointer(start: base, count: count))
    }
}
