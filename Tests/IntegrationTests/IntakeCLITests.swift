import Foundation
import Glibc
import Testing
import TicketStoreSQLite
import Tickets

/// `tickets` and `quarantine` through the real binary on a store the test seeds, and
/// configuration errors (exit 2 with a message naming the file and key).
struct IntakeCLITests {
    /// A temporary folder with a config pointing at a database in it.
    final class Fixture {
        let folder: URL
        let configPath: String
        let databasePath: String

        init(configJSON: ((String) -> String)? = nil) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            databasePath = folder.appendingPathComponent("var/tickets.sqlite").path
            configPath = folder.appendingPathComponent("config.json").path
            let json = configJSON?(databasePath) ?? """
                {"imap": {"url": "imap://127.0.0.1:1/INBOX", "username": "support", "password": "not-used",
                          "allowInsecure": true, "quarantineMailbox": "Quarantine"},
                 "database": "\(databasePath)"}
                """
            try json.write(toFile: configPath, atomically: false, encoding: .utf8)
            try FileManager.default.createDirectory(
                atPath: (databasePath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        /// Commits `count` customer mails as tickets 1001… and returns the store.
        func seed(_ count: Int) throws -> SQLiteTicketStore {
            let store = try SQLiteTicketStore(path: databasePath)
            let clock = ManualClock()
            let intake = MessageIntake(store: store, clock: clock, log: InMemoryLogSink(), classify: { _ in nil },
                                       maxAttempts: 3)
            for number in 1...max(count, 1) where count > 0 {
                let raw = Array("""
                    From: Kunde \(number) <kunde\(number)@example.org>\r
                    Subject: Postfach voll Nummer \(number)\r
                    Message-ID: <cli\(number)@example.org>\r
                    Content-Type: text/plain; charset=utf-8\r
                    \r
                    Mein Postfach ist voll, bitte helfen.\r

                    """.utf8)
                clock.advance(by: 60)
                let key = LedgerKey(mailbox: "INBOX", uidValidity: 1, uid: UInt32(number))
                _ = try store.commitIntake(try intake.record(key: key, raw: raw, size: raw.count))
            }
            return store
        }

        func run(_ arguments: [String]) throws -> IntakeCommandRunner.Result {
            try IntakeCommandRunner().run(arguments + ["--config", configPath])
        }
    }

    @Test("tickets list --json prints the contract keys, newest first")
    func listJSON() throws {
        let fixture = try Fixture()
        try fixture.seed(3).close()
        let result = try fixture.run(["tickets", "list", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try result.jsonLines()
        #expect(lines.compactMap { $0["number"] as? String } == ["1003", "1002", "1001"])
        let first = try #require(lines.first)
        for key in ["number", "status", "customer", "subject", "suggested_handling", "handling", "confirmed_by",
                    "cost_accepted", "message_ids", "billable_quarter_hours"] {
            #expect(first.keys.contains(key), "missing key \(key)")
        }
        #expect(first["customer"] as? String == "kunde3@example.org")
        #expect(first["status"] as? String == "new")
        #expect(first["handling"] is NSNull)
        #expect(first["message_ids"] as? [String] == ["cli3@example.org"])
        #expect((first["billable_quarter_hours"] as? NSNumber)?.intValue == 0)
    }

    @Test("tickets list --limit and --status filter")
    func listFilters() throws {
        let fixture = try Fixture()
        try fixture.seed(3).close()
        #expect(try fixture.run(["tickets", "list", "--json", "--limit", "1"]).jsonLines().count == 1)
        #expect(try fixture.run(["tickets", "list", "--json", "--status", "closed"]).jsonLines().isEmpty)
        let bad = try fixture.run(["tickets", "list", "--status", "frozen"])
        #expect(bad.status == 2 && bad.stderr.contains("--status must be one of"))
    }

    @Test("tickets show --json has the mails' decoded text and the events")
    func showJSON() throws {
        let fixture = try Fixture()
        try fixture.seed(2).close()
        let result = try fixture.run(["tickets", "show", "1002", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let ticket = try #require(try result.jsonLines().first)
        #expect(ticket["number"] as? String == "1002")
        #expect(ticket["subject"] as? String == "Postfach voll Nummer 2")
        let messages = try #require(ticket["messages"] as? [[String: Any]])
        #expect(messages.count == 1)
        #expect((messages.first?["text"] as? String)?.contains("Mein Postfach ist voll") == true)
        let events = try #require(ticket["events"] as? [[String: Any]])
        #expect(events.first?["kind"] as? String == "ticket.created")
    }

    @Test("tickets show of an unknown ticket fails with exit 1")
    func showUnknown() throws {
        let fixture = try Fixture()
        try fixture.seed(1).close()
        let result = try fixture.run(["tickets", "show", "4711"])
        #expect(result.status == 1 && result.stderr.contains("no ticket 4711"))
    }

    @Test("a bad configuration exits 2 naming the file and the key", arguments: [
        (#"{"database": "x.sqlite"}"#, "imap is missing"),
        (#"{"imap": {"url": "https://mail", "username": "u"}, "database": "x"}"#, "imap.url must be a URL"),
        (#"{"imap": {"url": "imaps://mail/INBOX"}, "database": "x"}"#, "imap.username is missing"),
        (#"{"imap": {"url": "imaps://mail", "username": "u", "pollSeconds": -1}, "database": "x"}"#, "imap.pollSeconds must be greater than 0"),
        (#"{"imap": {"url": "imaps://mail", "username": "u", "allowInsecure": 1}, "database": "x"}"#, "imap.allowInsecure must be true or false"),
        (#"{"imap": "#, "is not valid JSON"),
    ])
    func badConfiguration(json: String, message: String) throws {
        let fixture = try Fixture(configJSON: { _ in json })
        let result = try fixture.run(["tickets", "list"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(fixture.configPath) && result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("a missing configuration file exits 2; SUPPORT_INTAKE_CONFIG is the default")
    func missingConfiguration() throws {
        let fixture = try Fixture()
        try fixture.seed(1).close()
        let missing = try IntakeCommandRunner().run(["tickets", "list", "--config", "/nonexistent/config.json"])
        #expect(missing.status == 2 && missing.stderr.contains("/nonexistent/config.json"))
        let viaEnvironment = try IntakeCommandRunner(environment: ["SUPPORT_INTAKE_CONFIG": fixture.configPath])
            .run(["tickets", "list", "--json"])
        #expect(viaEnvironment.status == 0)
        #expect(try viaEnvironment.jsonLines().count == 1)
    }

    @Test("poll --once with a rule it cannot use and a closed port exits 2 naming the rule: configuration first")
    func unusableRulesBeforeServer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = try UnusableRules(in: folder)
        let fixture = try Fixture(configJSON: { database in
            rules.configuration("""
                {"imap": {"url": "imap://127.0.0.1:1/INBOX", "username": "support", "password": "not-used",
                          "allowInsecure": true}, "database": "\(database)"}
                """)
        })
        let result = try fixture.run(["poll", "--once"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(UnusableRules.problem) && !result.stderr.contains("event=poll.failed"),
                "\(result.stderr)")
    }

    @Test("poll --once against a closed port exits 1 with one log line naming the server, never the password")
    func pollClosedPort() throws {
        let fixture = try Fixture()
        let result = try fixture.run(["poll", "--once"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("event=poll.failed") && result.stderr.contains("127.0.0.1"))
        #expect(!result.stderr.contains("not-used"))
    }

    @Test("quarantine list, retry and discard")
    func quarantine() throws {
        let fixture = try Fixture()
        let store = try fixture.seed(0)
        let raw = Array("From: a@example.org\r\nSubject: kaputt\r\nMessage-ID: <q@x>\r\n\r\ntext\r\n".utf8)
        func attempt(_ uid: UInt32) -> FailedAttempt {
            FailedAttempt(
                key: LedgerKey(mailbox: "INBOX", uidValidity: 1, uid: uid), messageID: "q\(uid)@x",
                rawSHA256: SHA256.hexDigest(raw), contentSHA256: ContentHash.hexDigest(of: raw),
                reason: "classifier broke", raw: raw, size: raw.count, at: Date())
        }
        let retried = try store.quarantine(attempt(1))
        let discarded = try store.quarantine(attempt(2))
        try store.close()
        let list = try fixture.run(["quarantine", "list", "--json"])
        #expect(try list.jsonLines().compactMap { ($0["id"] as? NSNumber)?.intValue } == [retried, discarded])
        let retry = try fixture.run(["quarantine", "retry", String(retried)])
        #expect(retry.status == 0 && retry.stdout.contains("ticket 1001"), "\(retry.stderr)")
        let discard = try fixture.run(["quarantine", "discard", String(discarded)])
        #expect(discard.status == 0, "\(discard.stderr)")
        #expect(try fixture.run(["quarantine", "list", "--json"]).jsonLines().isEmpty)
        let again = try fixture.run(["quarantine", "retry", String(retried)])
        #expect(again.status == 1 && again.stderr.contains("already retried"))
        #expect(try fixture.run(["tickets", "list", "--json"]).jsonLines().count == 1)
    }

    @Test("run against a closed port logs each failure, backs off, and exits 0 on SIGTERM")
    func runBacksOffAndStops() throws {
        let fixture = try Fixture()
        let errPath = fixture.configPath + ".stderr"
        FileManager.default.createEmptyFile(atPath: errPath)
        let process = Process()
        process.executableURL = IntakeCommandRunner.binary
        process.arguments = ["run", "--config", fixture.configPath]
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        var log = ""
        for _ in 0..<100 where !log.contains("event=run.cycle_failed") {
            usleep(100_000)
            log = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        }
        #expect(log.contains("event=run.cycle_failed") && log.contains("retry_in="), "\(log)")
        process.terminate()
        var waited = 0
        while process.isRunning, waited < 50 {
            usleep(100_000)
            waited += 1
        }
        #expect(!process.isRunning, "run did not stop within 5 s of SIGTERM")
        if !process.isRunning {
            #expect(process.terminationStatus == 0)
        }
        log = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        #expect(log.contains("event=run.stopped"))
        #expect(!log.contains("not-used"))
    }
}

/// What an agent's terminal shows of a customer's mail.
struct TicketShowSafetyTests {
    @Test("escape sequences in a mail never reach the agent's terminal through tickets show or list")
    func noTerminalEscapes() throws {
        let fixture = try IntakeCLITests.Fixture()
        let store = try SQLiteTicketStore(path: fixture.databasePath)
        let intake = MessageIntake(store: store, clock: ManualClock(), log: InMemoryLogSink(), classify: { _ in nil },
                                   maxAttempts: 3)
        let raw = Array("""
            From: Mallory <m@example.org>\r
            Subject: =?utf-8?Q?Hilfe=1B]0;owned=07?=\r
            Message-ID: <esc@example.org>\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            Text \u{1B}[2J\u{1B}]52;c;ZWNobyBvd25lZA==\u{07} und \u{9B}31m weiter\r

            """.utf8)
        _ = try store.commitIntake(try intake.record(key: LedgerKey(mailbox: "INBOX", uidValidity: 1, uid: 1), raw: raw, size: raw.count))
        try store.close()
        for arguments in [["tickets", "show", "1001"], ["tickets", "list"]] {
            let result = try fixture.run(arguments)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B },
                    "\(arguments) printed a control character")
        }
        #expect(try fixture.run(["tickets", "show", "1001"]).stdout.contains("weiter"))
    }
}
