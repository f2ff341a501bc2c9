import Foundation

/// The whole intake as an operator runs it: one `support-intake poll --once` process (fetch, parse,
/// classify, ticket in SQLite, mark with `$SupportIntake`) against the benchmark's mailbox, with a
/// fresh database each time so that every run does all the work.
enum FullIntakeRun {
    /// Runs one poll; returns the seconds it took and how many tickets and no-action records it wrote.
    /// - Parameter classify: with the rules and FAQ catalogue of Config/ (as in production), or without.
    static func poll(_ server: BenchmarkDovecot, binary: String, classify: Bool) throws -> (seconds: Double, settled: Int) {
        let folder = "\(server.directory)/intake-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let rules = classify ? #", "rules": "Config/rules.json", "faq": "Config/faq.json""# : ""
        let config = """
            {"imap": {"url": "imap://127.0.0.1:\(server.port)/INBOX", "username": "\(server.user)",
                      "password": "\(server.password)", "allowInsecure": true, "quarantineMailbox": "Quarantine"},
             "database": "\(folder)/tickets.sqlite"\(rules)}
            """
        try config.write(toFile: "\(folder)/config.json", atomically: true, encoding: .utf8)
        let started = ContinuousClock.now
        try BenchmarkDovecot.spawnAndWait(binary, ["poll", "--once", "--config", "\(folder)/config.json"])
        let elapsed = started.duration(to: .now).seconds
        return (elapsed, try settledCount(database: "\(folder)/tickets.sqlite"))
    }

    /// Ledger rows the poll settled, read with the sqlite3 shell so the benchmark needs no store code.
    private static func settledCount(database: String) throws -> Int {
        let output = "\(database).count"
        try BenchmarkDovecot.spawnAndWait("/bin/sh", ["-c", "sqlite3 '\(database)' 'select count(*) from ledger' > '\(output)'"])
        let text = try String(contentsOfFile: output, encoding: .utf8)
        guard let count = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchmarkError("could not count the ledger rows in \(database): '\(text)'")
        }
        return count
    }
}
