import Foundation
import MailCore
import TicketStoreSQLite
import Tickets

/// Everything an end-to-end responder test needs: a test Dovecot, a recording SMTP server, and
/// the gateway's configuration (real templates, rules and FAQ of the repository) and database
/// in a temporary folder. `poll()` runs the real binary.
final class ResponderRig {
    let dovecot: TestDovecot
    let smtp: TestSMTPServer
    let folder: URL
    let configPath: String
    let databasePath: String
    static let supportAddress = "support@example-hosting.de"
    static let supportName = "Example Hosting Support"
    static let rateCents = 2500

    init(smtp options: TestSMTPServer.Options = TestSMTPServer.Options()) throws {
        dovecot = try TestDovecot(tls: false)
        smtp = try TestSMTPServer(options)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("responder-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        databasePath = folder.appendingPathComponent("tickets.sqlite").path
        configPath = folder.appendingPathComponent("config.json").path
        let root = IntakeCommandRunner.repositoryRoot.path
        let config = """
            {"imap": {"url": "imap://127.0.0.1:\(dovecot.imapPort)/INBOX", "username": "\(dovecot.user)",
                      "password": "\(dovecot.password)", "allowInsecure": true, "quarantineMailbox": "Quarantine",
                      "pollSeconds": 1},
             "smtp": {"url": "smtp://127.0.0.1:\(smtp.port)", "allowInsecure": true},
             "support": {"address": "\(Self.supportAddress)", "name": "\(Self.supportName)"},
             "database": "\(databasePath)", "templates": "\(root)/Templates",
             "faq": "\(root)/Config/faq.json", "rules": "\(root)/Config/rules.json",
             "billing": {"currency": "EUR", "quarterHourRateCents": \(Self.rateCents)}}
            """
        try config.write(toFile: configPath, atomically: false, encoding: .utf8)
    }

    deinit {
        smtp.stop()
        dovecot.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// `support-intake poll --once` with this configuration.
    @discardableResult
    func poll() throws -> IntakeCommandRunner.Result {
        try IntakeCommandRunner().run(["poll", "--once", "--config", configPath])
    }

    func run(_ arguments: [String]) throws -> IntakeCommandRunner.Result {
        try IntakeCommandRunner().run(arguments + ["--config", configPath])
    }

    /// A sample mail of Config/examples/.
    static func example(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: IntakeCommandRunner.repositoryRoot.appendingPathComponent("Config/examples/\(name).eml")))
    }

    /// One reply as the customer receives it.
    struct Reply {
        var envelopeFrom: String
        var envelopeTo: [String]
        var bytes: [UInt8]
        var parsed: ParsedMessage

        /// The notice kind, read from our deterministic Message-ID `ticket-N.<kind>.<key>@domain`.
        var kind: String? { parsed.messageID?.split(separator: ".").dropFirst().first.map(String.init) }
        var ticketNumber: String? {
            parsed.messageID?.split(separator: ".").first.map { String($0.dropFirst("ticket-".count)) }
        }
        var text: String { parsed.textBody ?? "" }
    }

    func replies() throws -> [Reply] {
        try smtp.received().map {
            Reply(envelopeFrom: $0.mailFrom, envelopeTo: $0.recipients, bytes: $0.bytes, parsed: MessageParser.parse($0.bytes))
        }
    }

    /// Replies per inbound Message-ID (their In-Reply-To).
    func repliesByInbound() throws -> [String: [Reply]] {
        Dictionary(grouping: try replies(), by: { $0.parsed.inReplyTo ?? "" })
    }

    func withStore<T>(_ body: (SQLiteTicketStore) throws -> T) throws -> T {
        let store = try SQLiteTicketStore(path: databasePath)
        defer { try? store.close() }
        return try body(store)
    }

    /// A customer's mail answering `reply` (threaded: In-Reply-To and References), with `body`
    /// top-posted above the quoted reply, as mail clients do.
    static func answer(to reply: Reply, from sender: String, body: String, messageID: String,
                       extraHeaders: String = "") -> [UInt8] {
        let quoted = reply.text.split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }.joined(separator: "\r\n")
        let subject = reply.parsed.subject ?? ""
        let id = reply.parsed.messageID ?? ""
        return Array(("From: \(sender)\r\nTo: \(supportAddress)\r\nSubject: Re: \(subject)\r\n"
            + "Message-ID: <\(messageID)>\r\nIn-Reply-To: <\(id)>\r\nReferences: <\(id)>\r\n"
            + "Date: Sun, 29 Nov 2026 19:00:00 +0100\r\nMIME-Version: 1.0\r\n\(extraHeaders)"
            + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + "\(body)\r\n\r\nAm 29.11.2026 um 18:00 schrieb \(supportName):\r\n\(quoted)\r\n").utf8)
    }
}
