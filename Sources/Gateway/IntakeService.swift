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
    /// The rules compile (~35 ms for Config/rules.json, a twentieth of a 5,000-mail poll) on
    /// another core while the store opens and the first cycle logs in and lists the mailbox; the
    /// cycle waits for them before it prepares its first message (`classifierReady`).
    private let classifier: BackgroundValue<IntakeCycle.Classify>
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
        let classifier = BackgroundValue { try IntakeClassifier.make(configuration) }
        self.classifier = classifier
        // A rules file that cannot be used is reported before any other problem, as when the rules
        // were compiled first.
        do {
            replies = try ReplySetup.load(configuration)
        } catch let error as ConfigurationError {
            try Self.checkRules(classifier)
            throw CommandError.usage(error.description)
        }
        do {
            store = try StoreOpener.open(configuration)
        } catch {
            try Self.checkRules(classifier)
            throw error
        }
        do {
            try store.checkpointInBackground()
        } catch {
            throw CommandError.failed("cannot open the database \(configuration.database): \(error)")
        }
    }

    /// Waits for the rules; rules that cannot be used are a usage error.
    private static func checkRules(_ classifier: BackgroundValue<IntakeCycle.Classify>) throws {
        do {
            _ = try classifier.value()
        } catch let error as ConfigurationError {
            throw CommandError.usage(error.description)
        }
    }

    /// The mail source, created on first use (checks the IMAP settings and reads the password).
    func mailSource() throws -> any MailSource {
        if let source { return source }
        let made = try makeSource(configuration)
        source = made
        return made
    }

    /// The outbox sender thread, started on first use with its own database and SMTP connection
    /// (kept open between cycles); nil when replies are off.
    private var background: BackgroundOutbox?

    func outbox() throws -> (any ReplyDispatch)? {
        guard let replies else { return nil }
        if let background { return background }
        let threadLog = StandardErrorLogSink(clock: clock)
        let delivery = OutboxDelivery(
            store: try StoreOpener.open(configuration), sender: try ReplySetup.sender(configuration), clock: clock,
            log: threadLog, from: replies.supportAddress)
        let made = BackgroundOutbox(delivery: delivery, log: threadLog, idleSeconds: Self.outboxIdleSeconds)
        background = made
        return made
    }

    /// How often the sender thread looks for retries that came due while nothing else happens.
    static let outboxIdleSeconds = 5.0

    /// Sends what is due (everything, or up to the message in hand when `abandon`) and stops the
    /// sender thread; returns the last sender-wide failure (the SMTP server was down or refused
    /// us: those replies stay queued).
    func finishOutbox(abandon: Bool) -> (any Error)? {
        guard let background else { return nil }
        self.background = nil
        let (sent, failure) = background.finish(abandon: abandon)
        log.log(LogEvent(failure == nil ? .info : .error, "outbox.stopped", [
            "sent": String(sent.sent), "retrying": String(sent.retrying), "parked": String(sent.parked),
            "failure": failure.map { "\($0)" } ?? "",
        ]))
        return failure
    }

    /// The responder that queues each ticket's reply in its commit; nil when replies are off.
    var responder: (any Responder)? { replies?.planner }

    /// One cycle over the configured mailbox, with the outbox sending as it goes.
    /// Rules that cannot be used end it with their `ConfigurationError` (exit 2), also when the
    /// cycle failed otherwise or found no mail.
    func runCycle(shouldStop: @escaping () -> Bool = { false }) throws -> IntakeSummary {
        let classifier = classifier
        do {
            let summary = try IntakeCycle(
                source: try mailSource(), store: store, clock: clock, log: log, configuration: configuration.intake,
                classify: { message in try classifier.value()(message) }, classifierReady: { _ = try classifier.value() },
                responder: responder, outbox: try outbox(), shouldStop: shouldStop
            ).run()
            _ = try classifier.value()
            return summary
        } catch {
            _ = try classifier.value()
            throw error
        }
    }

    /// Stops the sender thread and logs out politely where the source supports it.
    func close() {
        _ = finishOutbox(abandon: true)
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
