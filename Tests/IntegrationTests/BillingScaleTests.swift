import Foundation
import Testing

/// The billing report over 100,000 tickets (scripts/billing-benchmark.sql, filled through the
/// sqlite3 shell) through the real binary: the numbers agree with the same rules computed in SQL,
/// and the run stays within a generous bound for a debug build. The issue's goal (under 2 s) is a
/// release-build figure: scripts/billing-benchmark measures it.
struct BillingScaleTests {
    /// A debug build runs the report several times slower than release; this bound only catches a
    /// report that went quadratic or reads every ticket one by one.
    static let debugBoundSeconds = 20.0

    @Test("billing report over 100,000 tickets: totals match the rules computed in SQL; debug run within a generous bound")
    func hundredThousandTickets() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("billing-scale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("tickets.sqlite").path
        let config = folder.appendingPathComponent("config.json").path
        try """
            {"imap": {"url": "imap://127.0.0.1:1/INBOX", "username": "s", "password": "unused", "allowInsecure": true},
             "database": "\(database)", "billing": {"currency": "EUR", "quarterHourRateCents": 2500}}
            """.write(toFile: config, atomically: false, encoding: .utf8)
        #expect(try IntakeCommandRunner().run(["tickets", "list", "--config", config]).status == 0)
        let generator = IntakeCommandRunner.repositoryRoot.appendingPathComponent("scripts/billing-benchmark.sql")
        try ProcessRunner.run("sqlite3", [database], input: Array(try Data(contentsOf: generator)))

        // The same rules, once more in SQL: per billable ticket, quarter hours started in November.
        let expected = try ProcessRunner.run("sqlite3", [database, """
            SELECT COUNT(*), SUM(m), SUM(q), SUM(q) * 2500 FROM (
              SELECT SUM(CASE WHEN e.worked_at >= '2026-11' THEN e.minutes ELSE 0 END) AS m,
                     (SUM(e.minutes) + 14) / 15 - (SUM(CASE WHEN e.worked_at < '2026-11' THEN e.minutes ELSE 0 END) + 14) / 15 AS q
              FROM tickets t JOIN time_entries e ON e.ticket_id = t.id
              WHERE t.cost_accepted = 1 AND t.confirmed_handling = 'extended' AND e.worked_at < '2026-12'
              GROUP BY t.id)
            """]).output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").map(String.init)
        #expect(expected.first == "90000")

        let started = Date()
        let result = try IntakeCommandRunner().run(["billing", "report", "--month", "2026-11", "--csv", "--config", config])
        let seconds = Date().timeIntervalSince(started)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.filter { $0.hasPrefix("ticket,") }.count == 90_000)
        #expect(rows.filter { $0.hasPrefix("customer total,") }.count == 18_000)
        let cents = (Int(expected.last ?? "") ?? -1)
        let total = "total,2026-11,,,,\(expected[safe: 1] ?? "?"),\(expected[safe: 2] ?? "?"),\(cents / 100).\(String(format: "%02d", cents % 100)),EUR"
        #expect(rows.last == total)
        #expect(seconds < Self.debugBoundSeconds, "billing report took \(seconds) s")
        print("billing report over 100,000 tickets (debug build): \(String(format: "%.2f", seconds)) s")
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
