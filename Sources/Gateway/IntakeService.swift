import Foundation
import MailTransport
import TicketStoreSQLite
import Tickets

/// The intake wired for real: the configuration, the SQLite store, the IMAP session, the
/// system clock and the stderr log. `poll`, `run` and the benchmark build their cycles here.
final class IntakeService {
    let configuration: GatewayConfiguration
    let store: SQLiteTicketStore
    let clock: any Clock
    let log: any LogSink
    private(set) var source: (any MailSource)?
    private let classify: IntakeCycle.Classify
    private let replies: ReplySetup?
    private let makeSource: (GatewayConfiguration) throws -> any MailSource
    private var sender: (any MailSender)?

    init(
        configuration: GatewayConfiguration, clock: any Clock, log: any LogSink,
        makeSource: @escaping (GatewayConfiguration) throws -> any MailSource = IntakeService.imapSession
    ) throws {
        self.configuration = configuration
        self.clock = clock
        self.log = log
        self.makeSource = makeSource
        do {
            classify = try IntakeClassifier.make(configuration)
            replies = try ReplySetup.load(configuration)
        } catch let error as ConfigurationError {
            throw CommandError.usage(error.description)
        }
        store = try StoreOpener.open(configuration)
    }

    /// The mail source, created on first use (checks the IMAP settings and reads the password).
    func mailSource() throws -> any MailSource {
        if let source { return source }
        let made = try makeSource(configuration)
        source = made
        return made
    }

    /// The outbox sender, created on first use (one SMTP connection kept open between cycles);
    /// nil when replies are off.
    func outbox() throws -> OutboxDelivery? {
        guard let replies else { return nil }
        let made = try sender ?? ReplySetup.sender(configuration)
        sender = made
        return OutboxDelivery(store: store, sender: made, clock: clock, log: log, from: replies.supportAddress)
    }

    /// The responder that queues each ticket's reply in its commit; nil when replies are off.
    var responder: (any Responder)? { replies?.planner }

    /// One cycle over the configured mailbox, with the outbox sending as it goes.
    func runCycle(shouldStop: @escaping () -> Bool = { false }) throws -> IntakeSummary {
        try IntakeCycle(
            source: try mailSource(), store: store, clock: clock, log: log, configuration: configuration.intake,
            classify: classify, responder: responder, outbox: try outbox(), shouldStop: shouldStop
        ).run()
    }

    /// Logs out politely where the source supports it.
    func close() {
        (source as? IMAPSession)?.close()
        try? store.close()
    }

    /// The IMAP session for the configured account.
    static func imapSession(_ configuration: GatewayConfiguration) throws -> any MailSource {
        let account = configuration.imap.account
        let imap = IMAPConfiguration(
            url: account.url, username: account.username, password: try configuration.imapPassword().value,
            caFile: account.caFile, allowInsecure: account.allowInsecure,
            connectTimeout: configuration.imap.connectTimeout ?? IMAPConfiguration.defaultConnectTimeout,
            responseTimeout: configuration.imap.responseTimeout ?? IMAPConfiguration.defaultResponseTimeout)
        do {
            return try IMAPSession(configuration: imap)
        } catch let error as IMAPSessionError where error.kind == .configuration {
            throw ConfigurationError(path: configuration.path, key: "imap", problem: error.description)
        }
    }
}

/// Opens the configured database, creating its folder on first use.
enum StoreOpener {
    static func open(_ configuration: GatewayConfiguration) throws -> SQLiteTicketStore {
        let folder = (configuration.database as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw CommandError.failed("cannot create the database folder \(folder): \(error.localizedDescription)")
            }
        }
        do {
            return try SQLiteTicketStore(path: configuration.database)
        } catch {
            throw CommandError.failed("cannot open the database \(configuration.database): \(error)")
        }
    }
}

extension Arguments {
    /// Removes `--config F` and loads the configuration it names (cli.md); problems exit 2.
    mutating func configuration() throws -> GatewayConfiguration {
        let environment = ProcessInfo.processInfo.environment
        let path = GatewayConfiguration.path(option: try option("--config"), environment: environment)
        do {
            return try GatewayConfiguration.load(path: path, environment: environment)
        } catch let error as ConfigurationError {
            throw CommandError.usage(error.description)
        }
    }
}
