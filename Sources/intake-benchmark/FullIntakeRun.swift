import Foundation
import LocalServers

/// The whole intake as an operator runs it: one `support-intake poll --once` process (fetch, parse,
/// classify, ticket in SQLite, reply over SMTP, mark with `$SupportIntake`) against the benchmark's
/// mailbox, with a fresh database each time so that every run does all the work.
enum FullIntakeRun {
    /// What one poll did, read back from its database.
    struct Result {
        var timing: Timing
        /// Ledger rows: every message the poll settled.
        var settled: Int
        /// Outbox rows the SMTP server accepted.
        var repliesSent: Int
        /// Where the database and the poll's log (poll.log) are.
        var folder: String
    }

    /// Runs one poll.
    /// - Parameters:
    ///   - classify: with the rules and FAQ catalogue of Config/ (as in production), or without.
    ///   - sink: where replies go (with Templates/ and a billing rate, as scripts/demo configures
    ///     them); nil turns replies off.
    static func poll(_ server: LocalDovecot, binary: String, classify: Bool, replyingTo sink: SMTPSink? = nil) throws -> Result {
        let folder = "\(server.directory)/intake-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let rules = classify ? #", "rules": "Config/rules.json", "faq": "Config/faq.json""# : ""
        let replies = sink.map { sink in
            """
            , "smtp": {"url": "smtp://127.0.0.1:\(sink.port)", "allowInsecure": true},
             "support": {"address": "\(BenchmarkWiring.supportAddress)", "name": "Example Hosting Support"},
             "templates": "Templates", "billing": {"currency": "EUR", "quarterHourRateCents": \(BenchmarkWiring.quarterHourRateCents)}
            """
        } ?? ""
        let config = """
            {"imap": {"url": "imap://127.0.0.1:\(server.imapPort)/INBOX", "username": "\(server.user)",
                      "password": "\(server.password)", "allowInsecure": true, "quarantineMailbox": "Quarantine"},
             "database": "\(folder)/tickets.sqlite"\(rules)\(replies)}
            """
        try config.write(toFile: "\(folder)/config.json", atomically: false, encoding: .utf8)
        let stopwatch = Stopwatch(.children)
        try ChildProcess.run(binary, ["poll", "--once", "--config", "\(folder)/config.json"],
                                          errorLog: "\(folder)/poll.log")
        let timing = stopwatch.stop()
        let database = "\(folder)/tickets.sqlite"
        return Result(timing: timing, settled: try count("select count(*) from ledger", database: database),
                      repliesSent: try count("select count(*) from outbox where state = 'sent'", database: database),
                      folder: folder)
    }

    /// The last lines of a poll's log, for an error message.
    static func logTail(_ folder: String) -> String {
        let text = (try? String(contentsOfFile: "\(folder)/poll.log", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.contains("event=intake.ticketed") && !$0.contains("event=outbox.sent") }
            .suffix(5).joined(separator: "\n")
    }

    /// One number from the database, read with the sqlite3 shell so the benchmark needs no store code.
    private static func count(_ query: String, database: String) throws -> Int {
        let output = "\(database).count"
        try ChildProcess.run("/bin/sh", ["-c", "sqlite3 '\(database)' \"\(query)\" > '\(output)'"])
        let text = try String(contentsOfFile: output, encoding: .utf8)
        guard let count = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchmarkError("could not read '\(query)' from \(database): '\(text)'")
        }
        return count
    }
}
