import Foundation
import MailCore
import Testing
@testable import TicketStoreSQLite
import Tickets

/// The SQLite store: the shared conformance suite on temporary database files, migrations, and
/// behaviour only a real database shows (reopening, two connections).
final class IntakeSQLiteStoreTests {
    /// The folders this test made, removed when it ends (a class, so that it has a deinit).
    private var folders: [URL] = []

    deinit {
        for folder in folders { try? FileManager.default.removeItem(at: folder) }
    }

    /// A fresh database path in its own temporary folder.
    func temporaryDatabase() throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("intake-store-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        folders.append(folder)
        return folder.appendingPathComponent("tickets.sqlite").path
    }

    @Test("SQLite store", arguments: TicketStoreConformance.checks.map(\.name))
    func conformance(check name: String) throws {
        let check = try #require(TicketStoreConformance.check(named: name))
        let path = try temporaryDatabase()
        let store = try SQLiteTicketStore(path: path)
        try check.run(store)
        try store.close()
    }

    @Test("an empty file is migrated to the latest schema, and reopening does not migrate again")
    func migratesEmptyDatabase() throws {
        let path = try temporaryDatabase()
        let store = try SQLiteTicketStore(path: path)
        #expect(try store.schemaVersion() == 3)
        try store.setCursor(MailboxCursor(uidValidity: 5, lastUID: 42), mailbox: "INBOX")
        try store.close()
        let reopened = try SQLiteTicketStore(path: path)
        #expect(try reopened.schemaVersion() == 3)
        #expect(try reopened.cursor(mailbox: "INBOX") == MailboxCursor(uidValidity: 5, lastUID: 42))
    }

    /// Version 3 rewrites the CHECK lists as OR chains by editing `sqlite_schema`: a version 2
    /// database with rows in it must come out intact, refusing and accepting the same values.
    @Test("version 3 keeps the rows and every CHECK of a version 2 database")
    func rewrittenChecksStillHold() throws {
        let path = try temporaryDatabase()
        let old = try SQLiteDatabase(path: path)
        for version in SchemaMigrations.all.prefix(2) { try old.execute(version) }
        try old.execute("PRAGMA user_version = 2")
        try old.execute("""
            INSERT INTO tickets (number, status, customer, subject, created_at, updated_at)
            VALUES (1001, 'needs-review', 'a@example.org', 'Hallo', 't', 't')
            """)
        try old.close()

        let store = try SQLiteTicketStore(path: path)
        #expect(try store.schemaVersion() == 3)
        #expect(try store.database.first("PRAGMA integrity_check") { $0.text(0) } == "ok")
        #expect(try store.database.first("SELECT status FROM tickets WHERE number = 1001") { $0.text(0) } == "needs-review")
        let schema = try store.database.query("SELECT sql FROM sqlite_schema WHERE type = 'table'") { $0.text(0) ?? "" }
        #expect(!schema.contains { $0.contains("status IN") || $0.contains("state IN") })
        let bad: [(String, String)] = [
            ("tickets", "INSERT INTO tickets (number, status, customer, subject, created_at, updated_at) VALUES (1002, 'bogus', 'c', 's', 't', 't')"),
            ("ledger", "INSERT INTO ledger (mailbox, uid_validity, uid, raw_sha256, content_sha256, state, first_seen_at, updated_at) VALUES ('INBOX', 1, 1, 'r', 'c', 'bogus', 't', 't')"),
            ("outbox", "INSERT INTO outbox (kind, message_id, recipient, raw, state, created_at) VALUES ('reply', '<x@y>', 'a@b', x'00', 'bogus', 't')"),
        ]
        for (table, sql) in bad {
            #expect(throws: SQLiteError.self, "\(table) accepted a value outside its CHECK") { try store.database.execute(sql) }
        }
        try store.database.execute("UPDATE tickets SET status = 'closed' WHERE number = 1001")
        try store.close()
    }

    @Test("a database from a newer program is refused with a clear error")
    func refusesNewerSchema() throws {
        let path = try temporaryDatabase()
        let database = try SQLiteDatabase(path: path)
        try database.execute("PRAGMA user_version = 99")
        try database.close()
        #expect {
            try SQLiteTicketStore(path: path)
        } throws: { error in
            String(describing: error).contains("schema version 99 is newer than this program")
        }
    }

    @Test("an unopenable path is an error naming the path")
    func unopenablePath() throws {
        let path = "/nonexistent-\(UUID().uuidString)/tickets.sqlite"
        #expect {
            try SQLiteTicketStore(path: path)
        } throws: { error in
            String(describing: error).contains(path)
        }
    }

    @Test("two connections committing the same mail make one ticket")
    func twoConnections() throws {
        let path = try temporaryDatabase()
        let first = try SQLiteTicketStore(path: path)
        let second = try SQLiteTicketStore(path: path)
        let raw = Array("From: a@example.org\r\nMessage-ID: <x@y>\r\nSubject: s\r\n\r\nbody\r\n".utf8)
        func record(uid: UInt32) -> IntakeRecord {
            IntakeRecord(
                key: LedgerKey(mailbox: "INBOX", uidValidity: 1, uid: uid), messageID: "x@y",
                rawSHA256: SHA256.hexDigest(raw), contentSHA256: ContentHash.hexDigest(of: raw), raw: raw,
                size: raw.count,
                action: .newTicket(NewTicket(customer: "a@example.org", subject: "s", suggestedHandling: nil,
                                             status: .new, notes: [])),
                classification: nil, receivedAt: Date())
        }
        #expect(try first.commitIntake(record(uid: 1)) == .ticketed(number: "1001"))
        #expect(try second.commitIntake(record(uid: 2)) == .duplicate(of: "1001"))
        if case .alreadySettled = try second.commitIntake(record(uid: 1)) {} else {
            Issue.record("the second connection did not see the first one's ledger row")
        }
        #expect(try first.ticketCount() == 1)
    }

    /// `inOneCommit` first runs a batch without a savepoint per message. A message that fails after
    /// writing rows (here the ledger row, its last write, is refused by a trigger once the ticket,
    /// the stored mail, its events and its reply were written) must still leave no trace and the
    /// others must still count, as with savepoints: the batch is rolled back and run again, isolated.
    @Test("a message that fails halfway in a batch leaves no rows, and the others are kept")
    func halfWrittenMessageInBatch() throws {
        let store = try SQLiteTicketStore(path: try temporaryDatabase())
        try store.database.execute("""
            CREATE TRIGGER refuse_uid_2 BEFORE INSERT ON ledger WHEN NEW.uid = 2
            BEGIN SELECT RAISE(ABORT, 'injected fault'); END
            """)
        func record(_ uid: UInt32) -> IntakeRecord {
            let raw = Array("From: Kunde \(uid) <kunde\(uid)@example.org>\r\nSubject: Anfrage \(uid)\r\nMessage-ID: <batch-\(uid)@example.org>\r\n\r\nText \(uid)\r\n".utf8)
            return IntakeRecord.make(key: LedgerKey(mailbox: "INBOX", uidValidity: 7, uid: uid), raw: raw, size: raw.count,
                                     parsed: MessageParser.parse(raw), classification: nil, receivedAt: Date())
        }
        struct Notice: Responder {
            func respond(to situation: ReplySituation) -> ReplyDecision {
                .send(OutboxMessage(messageID: "notice-\(situation.ticket.number)@example-hosting.de", kind: "faq-reply",
                                    recipient: situation.ticket.customer, bytes: Array("Subject: hi\r\n\r\nhi\r\n".utf8)))
            }
        }
        let responder = Notice()
        var runs = 0
        var failures: [String] = []
        let outcomes: [IntakeOutcome] = try store.inOneCommit {
            runs += 1
            failures = []
            var outcomes: [IntakeOutcome] = []
            for uid: UInt32 in 1...3 {
                do {
                    outcomes.append(try store.commitIntake(record(uid), responder: responder))
                } catch {
                    failures.append("\(error)")
                }
            }
            return outcomes
        }
        #expect(runs == 2)
        #expect(failures.count == 1 && failures[0].contains("injected fault"), "\(failures)")
        #expect(outcomes == [.ticketed(number: "1001"), .ticketed(number: "1002")])
        #expect(try store.tickets(status: nil, limit: nil).map(\.customer) == ["kunde3@example.org", "kunde1@example.org"])
        #expect(try store.database.first("SELECT COUNT(*) FROM messages") { $0.int(0) } == 2)
        #expect(try store.database.first("SELECT COUNT(*) FROM events WHERE ticket_id NOT IN (SELECT id FROM tickets)") { $0.int(0) } == 0)
        #expect(try store.ledgerEntries(mailbox: "INBOX", uidValidity: 7, uids: [1, 2, 3]).keys.sorted() == [1, 3])
        #expect(try store.outboxCounts() == [.pending: 2])
        // A batch where nothing fails runs once.
        runs = 0
        _ = try store.inOneCommit {
            runs += 1
            return try store.commitIntake(record(4), responder: responder)
        }
        #expect(runs == 1)
        #expect(try store.ticketCount() == 3)
    }

    /// With checkpoints in the background, the WAL reaches the database file while the committing
    /// connection is still open and never checkpoints itself (its autocheckpoint is at 4,000
    /// pages; these commits write ~1,300), and closing leaves a complete database and no WAL.
    @Test("checkpoints run on their own thread while commits go on, and close finishes them")
    func backgroundCheckpoints() throws {
        let path = try temporaryDatabase()
        let database = try SQLiteDatabase(path: path)
        try database.execute("CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB NOT NULL)")
        try database.checkpointInBackground()
        let page = [UInt8](repeating: 0x5A, count: 4_000)
        for _ in 0..<1_300 {
            try database.writeTransaction { try database.run("INSERT INTO blobs (data) VALUES (?)", [.blob(page)]) }
        }
        func fileSize(_ file: String) -> Int {
            ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber)?.intValue ?? 0
        }
        let deadline = Date().addingTimeInterval(10)
        while fileSize(path) < 4_000_000, Date() < deadline { usleep(10_000) }
        #expect(fileSize(path) >= 4_000_000, "the database file has \(fileSize(path)) bytes while the WAL has \(fileSize(path + "-wal"))")
        try database.close()
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let reopened = try SQLiteDatabase(path: path)
        #expect(try reopened.first("SELECT COUNT(*), SUM(length(data)) FROM blobs") { [$0.int(0), $0.int(1)] } == [1_300, 5_200_000])
        #expect(try reopened.first("PRAGMA integrity_check") { $0.text(0) } == "ok")
    }

    @Test("a batch that throws is rolled back as a whole, and the store stays usable")
    func batchRollsBack() throws {
        struct Abort: Error {}
        let store = try SQLiteTicketStore(path: try temporaryDatabase())
        let raw = Array("From: a@example.org\r\nMessage-ID: <r@y>\r\nSubject: s\r\n\r\nbody\r\n".utf8)
        let record = IntakeRecord(
            key: LedgerKey(mailbox: "INBOX", uidValidity: 1, uid: 1), messageID: "r@y",
            rawSHA256: SHA256.hexDigest(raw), contentSHA256: ContentHash.hexDigest(of: raw), raw: raw, size: raw.count,
            action: .newTicket(NewTicket(customer: "a@example.org", subject: "s", suggestedHandling: nil, status: .new,
                                         notes: [])),
            classification: nil, receivedAt: Date())
        #expect(throws: Abort.self) {
            try store.inOneCommit {
                _ = try store.commitIntake(record)
                throw Abort()
            }
        }
        #expect(try store.ticketCount() == 0)
        #expect(try store.ledgerCounts().isEmpty)
        #expect(try store.commitIntake(record) == .ticketed(number: "1001"))
    }
}
