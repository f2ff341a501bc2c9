import Foundation

/// Delivers due outbox rows through a `MailSender`: marks each one sent right after the server
/// accepted it, retries transient failures with backoff, and parks permanent ones with the
/// server's words.
///
/// Exactly once, with one window: a reply is marked sent in its own commit right after the
/// server's final "250" for it. A crash between that reply and that commit leaves the row pending,
/// and the next run sends it again, with the same Message-ID (so the customer's client can tell).
/// Nothing else can send a reply twice, and nothing can lose one: rows are only ever read, never
/// removed, until they are sent or parked.
public final class OutboxDelivery: ReplyDispatch {
    /// Rows read from the store at a time.
    public static let batchSize = 100
    /// A transient failure this often in a row parks the row (about a day and a half with the default backoff).
    public static let maxAttempts = 12
    /// Retries wait 1 minute, then 2, 4, … up to 4 hours (plus jitter).
    public static let retryBackoff = RetryBackoff(initialSeconds: 60, maxSeconds: 4 * 3600)

    private let store: any TicketStore
    private let sender: any MailSender
    private let clock: any Clock
    private let log: any LogSink
    private let from: String
    private let randomUnit: () -> Double

    /// `from` is the envelope sender (the support address).
    public init(store: any TicketStore, sender: any MailSender, clock: any Clock, log: any LogSink, from: String,
                randomUnit: @escaping () -> Double = { Double.random(in: 0...1) }) {
        self.store = store
        self.sender = sender
        self.clock = clock
        self.log = log
        self.from = from
        self.randomUnit = randomUnit
    }

    /// The sender as a whole failed (login, TLS, configuration): no row was charged an attempt.
    public struct SenderUnavailable: Error, CustomStringConvertible {
        public var underlying: any Error
        public var description: String { "\(underlying)" }
    }

    /// What one delivery round did.
    public struct Summary: Sendable, Hashable {
        public var sent = 0
        public var retrying = 0
        public var parked = 0

        public init() {}
    }

    /// Sends every row that is due now, until none is left or `shouldStop` says so. Throws when the
    /// sender as a whole fails (`SenderUnavailable`; the rows stay due) or the store fails.
    @discardableResult
    public func deliverDue(shouldStop: () -> Bool = { false }) throws -> Summary {
        var summary = Summary()
        var seen = Set<Int>()
        while !shouldStop() {
            let due = try store.dueReplies(at: clock.now(), limit: Self.batchSize).filter { !seen.contains($0.id) }
            if due.isEmpty { break }
            for item in due {
                if shouldStop() { break }
                seen.insert(item.id)
                try deliver(item, summary: &summary)
            }
        }
        if summary != Summary() {
            log.log(LogEvent(.info, "outbox.round_done", [
                "sent": String(summary.sent), "retrying": String(summary.retrying), "parked": String(summary.parked),
            ]))
        }
        return summary
    }

    public func dispatch(shouldStop: () -> Bool) throws -> Summary { try deliverDue(shouldStop: shouldStop) }

    private func deliver(_ item: OutboxItem, summary: inout Summary) throws {
        let message = item.message
        let result: SendResult
        do {
            result = try sender.send(from: from, to: message.recipient, bytes: message.bytes)
        } catch {
            throw SenderUnavailable(underlying: error)
        }
        let now = clock.now()
        let fields: (String) -> KeyValuePairs<String, String> = { reason in
            ["id": String(item.id), "ticket": item.ticketNumber ?? "", "kind": message.kind,
             "attempt": String(item.attempts + 1), "reason": reason]
        }
        switch result {
        case .sent:
            try store.recordReplySent(id: item.id, at: now)
            summary.sent += 1
            log.log(LogEvent(.info, "outbox.sent", [
                "id": String(item.id), "ticket": item.ticketNumber ?? "", "kind": message.kind,
                "message_id": message.messageID,
            ]))
        case .transientFailure(let reason) where item.attempts + 1 < Self.maxAttempts:
            let delay = Self.retryBackoff.delay(afterFailures: item.attempts + 1, randomUnit: randomUnit())
            try store.recordReplyFailure(id: item.id, error: reason, retryAt: now.addingTimeInterval(delay), at: now)
            summary.retrying += 1
            log.log(LogEvent(.warning, "outbox.retry", fields(reason)))
        case .transientFailure(let reason), .permanentFailure(let reason):
            try store.recordReplyFailure(id: item.id, error: reason, retryAt: nil, at: now)
            summary.parked += 1
            log.log(LogEvent(.error, "outbox.parked", fields(reason)))
        }
    }
}
