import Foundation
import Gateway
import MailCore
import MailTransport
import Replies
import TicketStoreSQLite
import Tickets
import Triage

/// The stages of the loop in process, each timed on its own over the same messages, so the
/// whole `poll --once` can be read against its parts.
enum PipelineStages {
    /// MessageParser and the Triage classifier over every message (no store, no reply).
    /// Returns the time and how many were classified as needing a reply (standard or extended).
    static func parseAndClassify(_ messages: [[UInt8]], classifier: Classifier) -> (timing: Timing, requests: Int) {
        let stopwatch = Stopwatch(.inProcess)
        var requests = 0
        for bytes in messages {
            let category = classifier.classify(MessageParser.parse(bytes)).category
            if category == .standard || category == .extended { requests += 1 }
        }
        return (stopwatch.stop(), requests)
    }

    /// The intake cycle over an in-memory mailbox into a fresh SQLite store: parse, classify,
    /// compose the reply, commit ticket + outbox row, record the marks. Returns the time and the
    /// store (whose outbox then holds the composed replies).
    /// Without a `responder` no reply is composed or queued.
    static func intake(_ messages: [[UInt8]], database: String, classify: @escaping IntakeCycle.Classify,
                       responder: ReplyPlanner?) throws -> (timing: Timing, store: SQLiteTicketStore, summary: IntakeSummary) {
        let source = InMemoryMailSource()
        for bytes in messages { source.deliver(bytes) }
        let store = try SQLiteTicketStore(path: database)
        let cycle = IntakeCycle(source: source, store: store, clock: SystemClock(), log: InMemoryLogSink(),
                                configuration: IntakeConfiguration(), classify: classify, responder: responder)
        let stopwatch = Stopwatch(.inProcess)
        let summary = try cycle.run()
        return (stopwatch.stop(), store, summary)
    }

    /// Sends every composed reply of `store`'s outbox to the SMTP server at `port` over one
    /// connection (SMTPSender, as the outbox does), without touching the store. Returns the time,
    /// how many the server accepted, and how many TCP connections it took.
    static func send(outboxOf store: SQLiteTicketStore, port: Int) throws -> (timing: Timing, sent: Int, connections: Int) {
        let replies = try store.dueReplies(at: Date().addingTimeInterval(3600), limit: try store.ticketCount() + 1)
        let sender = try SMTPSender(SMTPConfiguration(url: "smtp://127.0.0.1:\(port)", allowInsecure: true,
                                                      ehloName: "example-hosting.de"))
        var sent = 0
        let stopwatch = Stopwatch(.inProcess)
        for item in replies {
            if case .sent = try sender.send(from: BenchmarkWiring.supportAddress, to: [item.message.recipient],
                                            bytes: item.message.bytes) {
                sent += 1
            }
        }
        return (stopwatch.stop(), sent, sender.connectionsOpened)
    }

    /// The outbox as the cycle runs it: OutboxDelivery sends every due row of `store` to the SMTP
    /// server at `port` and marks each one sent in its own commit (logging to memory, not stderr).
    /// Against `send`, this shows what the per-reply commit adds to the SMTP conversation.
    static func deliver(outboxOf store: SQLiteTicketStore, port: Int) throws -> (timing: Timing, sent: Int) {
        let sender = try SMTPSender(SMTPConfiguration(url: "smtp://127.0.0.1:\(port)", allowInsecure: true,
                                                      ehloName: "example-hosting.de"))
        let delivery = OutboxDelivery(store: store, sender: sender, clock: SystemClock(), log: InMemoryLogSink(),
                                      from: BenchmarkWiring.supportAddress)
        let stopwatch = Stopwatch(.inProcess)
        let summary = try delivery.deliverDue()
        return (stopwatch.stop(), summary.sent)
    }
}
