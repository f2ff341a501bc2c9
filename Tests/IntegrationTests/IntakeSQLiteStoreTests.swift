import Foundation
import Testing
@testable import TicketStoreSQLite
import Tickets

/// The SQLite store: the shared conformance suite on temporary database files, migrations, and
/// behaviour only a real database shows (reopening, two connections).
struct IntakeSQLiteStoreTests {
    /// A fresh database path in its own temporary folder.
    static func temporaryDatabase() throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("intake-store-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("tickets.sqlite").path
    }

    @Test("SQLite store", arguments: TicketStoreConformance.checks.map(\.name))
    func conformance(check name: String) throws {
        let check = try #require(TicketStoreConformance.check(named: name))
        let path = try Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let store = try SQLiteTicketStore(path: path)
        try check.run(store)
        try store.close()
    }

    @Test("an empty file is migrated to the latest schema, and reopening does not migrate again")
    func migratesEmptyDatabase() throws {
        let path = try Self.temporaryDatabase()
        let store = try SQLiteTicketStore(path: path)
        #expect(try store.schemaVersion() == 2)
        try store.setCursor(MailboxCursor(uidValidity: 5, lastUID: 42), mailbox: "INBOX")
        try store.close()
        let reopened = try SQLiteTicketStore(path: path)
        #expect(try reopened.schemaVersion() == 2)
        #expect(try reopened.cursor(mailbox: "INBOX") == MailboxCursor(uidValidity: 5, lastUID: 42))
    }

    @Test("a database from a newer program is refused with a clear error")
    func refusesNewerSchema() throws {
        let path = try Self.temporaryDatabase()
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
        let path = try Self.temporaryDatabase()
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

    @Test("a batch that throws is rolled back as a whole, and the store stays usable")
    func batchRollsBack() throws {
        struct Abort: Error {}
        let store = try SQLiteTicketStore(path: try Self.temporaryDatabase())
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
