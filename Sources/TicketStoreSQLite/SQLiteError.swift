/// A failed SQLite call: the result code, SQLite's own message, and the SQL (or operation) it was
/// running, so a log line says what failed and where.
public struct SQLiteError: Error, CustomStringConvertible {
    public var code: Int32
    public var message: String
    public var sql: String

    public var description: String { "SQLite error \(code) (\(message)) in: \(sql)" }
}
