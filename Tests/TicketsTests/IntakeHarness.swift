import Foundation
import MailCore
import Tickets

/// The intake cycle wired to in-memory twins, with helpers to make mail.
final class IntakeHarness {
    let source = InMemoryMailSource()
    let store = InMemoryTicketStore()
    let clock = ManualClock()
    let log = InMemoryLogSink()
    var configuration = IntakeConfiguration(quarantineMailbox: "Quarantine")
    var classify: IntakeCycle.Classify = { _ in nil }
    var responder: (any Responder)?
    let sender = InMemoryMailSender()
    /// With replies on, the cycle delivers the outbox through `sender`.
    var repliesOn = false

    /// A customer mail; `trace` prepends what delivery to a particular address adds.
    static func mail(_ number: Int, body: String? = nil, messageID: String? = nil, trace: String = "") -> [UInt8] {
        Array(("\(trace)From: Kunde \(number) <kunde\(number)@example.org>\r\n"
            + "To: support@example-hosting.de\r\n"
            + "Subject: Anfrage \(number)\r\n"
            + "Message-ID: <\(messageID ?? "m\(number)@example.org")>\r\n"
            + "\r\n\(body ?? "Bitte helfen Sie mir, Nummer \(number).")\r\n").utf8)
    }

    @discardableResult
    func deliver(_ count: Int) -> [UInt32] {
        (1...count).map { source.deliver(Self.mail($0)) }
    }

    @discardableResult
    func runCycle(shouldStop: @escaping () -> Bool = { false }) throws -> IntakeSummary {
        clock.advance(by: 60)
        return try IntakeCycle(
            source: source, store: store, clock: clock, log: log, configuration: configuration, classify: classify,
            responder: responder,
            outbox: repliesOn ? OutboxDelivery(store: store, sender: sender, clock: clock, log: log,
                                               from: "support@example-hosting.de", randomUnit: { 0 }) : nil,
            shouldStop: shouldStop
        ).run()
    }

    var ticketCount: Int { (try? store.ticketCount()) ?? -1 }
    var cursor: UInt32? { (try? store.cursor(mailbox: "INBOX"))?.lastUID }
    var processedUIDs: [UInt32] { source.messages().filter(\.processed).map(\.uid) }
}

/// Thrown by test classifiers for mail that should fail.
struct ClassifierBroke: Error, CustomStringConvertible {
    var description: String { "classifier broke on this mail" }
}
