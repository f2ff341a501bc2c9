import Foundation
import Testing
import TicketStoreSQLite
import Tickets

/// A gateway configuration for the agent scenarios: IMAP at a test Dovecot, SMTP at a test SMTP
/// server, the repository's templates, FAQ and rules, 25,00 € per quarter hour; a database in a
/// temporary folder.
final class AgentGateway {
    static let rateCents = 2_500

    let folder: URL
    let configPath: String
    let databasePath: String

    init(_ dovecot: TestDovecot, smtp: TestSMTPServer) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("agents-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        databasePath = folder.appendingPathComponent("tickets.sqlite").path
        configPath = folder.appendingPathComponent("config.json").path
        let root = IntakeCommandRunner.repositoryRoot.path
        try """
            {"imap": {"url": "imap://127.0.0.1:\(dovecot.imapPort)/INBOX", "username": "\(dovecot.user)",
                      "password": "\(dovecot.password)", "allowInsecure": true, "quarantineMailbox": "Quarantine"},
             "smtp": {"url": "smtp://127.0.0.1:\(smtp.port)", "username": "support", "password": "unused",
                      "allowInsecure": true},
             "support": {"address": "support@example-hosting.de", "name": "Example Hosting Support"},
             "database": "\(databasePath)", "templates": "\(root)/Templates", "faq": "\(root)/Config/faq.json",
             "rules": "\(root)/Config/rules.json", "billing": {"currency": "EUR", "quarterHourRateCents": \(Self.rateCents)}}
            """.write(toFile: configPath, atomically: false, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func run(_ arguments: [String]) throws -> IntakeCommandRunner.Result {
        try IntakeCommandRunner().run(arguments + ["--config", configPath])
    }

    /// `poll --once`, which must succeed.
    func poll() throws {
        let result = try run(["poll", "--once"])
        #expect(result.status == 0, "poll failed: \(result.stderr.suffix(2_000))")
    }

    /// `tickets show N --json`.
    func show(_ number: String) throws -> [String: Any] {
        let result = try run(["tickets", "show", number, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try result.jsonLines().first)
    }

    /// Everything the agent commands could change, read through the store: to check that a refused
    /// command changed nothing.
    struct Snapshot: Equatable {
        var tickets: [Ticket]
        var events: [[AuditEntry]]
        var timeEntries: [[TimeEntry]]
        var acceptances: [[CostAcceptance]]
        var outbox: [OutboxItem.State: Int]
    }

    func snapshot() throws -> Snapshot {
        let store = try SQLiteTicketStore(path: databasePath)
        defer { try? store.close() }
        let tickets = try store.tickets(status: nil, limit: nil)
        return Snapshot(
            tickets: tickets, events: try tickets.map { try store.auditTrail(ticketNumber: $0.number) },
            timeEntries: try tickets.map { try store.timeEntries(ticketNumber: $0.number) },
            acceptances: try tickets.map { try store.costAcceptances(ticketNumber: $0.number) },
            outbox: try store.outboxCounts())
    }
}

extension TestSMTPServer.Received {
    /// The value of the first header field `name` (unfolded), nil if absent.
    func header(_ name: String) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        let head = text.components(separatedBy: "\r\n\r\n").first ?? ""
        var fields: [String] = []
        for line in head.components(separatedBy: "\r\n") {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), !fields.isEmpty {
                fields[fields.count - 1] += line
            } else {
                fields.append(line)
            }
        }
        let prefix = name.lowercased() + ":"
        return fields.first { $0.lowercased().hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces) }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
