import Foundation
import Tickets

/// Sends the outbox in a thread of its own, so that SMTP round trips overlap the intake's work
/// instead of adding to it (the intake is CPU-bound, sending mostly waits for the server). It has
/// its own database connection, SMTP connection and log sink, shares nothing mutable with the
/// intake but the hint that new replies are queued, and keeps the outbox's guarantees: rows are
/// read from the database, sent, and marked one by one, exactly as `OutboxDelivery` does.
///
/// The intake thread calls `dispatch` (the hint) and, at the end, `finish`; the sender thread
/// also wakes every `idleSeconds` for retries that have come due.
final class BackgroundOutbox: ReplyDispatch, @unchecked Sendable {
    // @unchecked: every mutable field is guarded by `condition`; `delivery` is used only by the thread.
    private let delivery: OutboxDelivery
    private let log: any LogSink
    private let idleSeconds: Double
    private let condition = NSCondition()
    private var hinted = true
    private var finishing = false
    private var abandoning = false
    private var finished = false
    private var failure: (any Error)?
    /// Sender-wide failures in a row: the wait before the next try grows with them.
    private var failuresInARow = 0
    /// From `idleSeconds` up to 5 minutes while the SMTP server stays away, so that a long outage
    /// neither floods the log nor hammers the server.
    private let backoff: RetryBackoff
    private var totals = OutboxDelivery.Summary()

    /// `log` must be the thread's own sink (sinks need not be thread-safe).
    init(delivery: OutboxDelivery, log: any LogSink, idleSeconds: Double) {
        self.delivery = delivery
        self.log = log
        self.idleSeconds = idleSeconds
        backoff = RetryBackoff(initialSeconds: idleSeconds, maxSeconds: 300)
        let thread = Thread { [self] in loop() }
        thread.name = "outbox"
        thread.start()
    }

    func dispatch(shouldStop: () -> Bool) throws -> OutboxDelivery.Summary {
        condition.lock()
        hinted = true
        condition.signal()
        condition.unlock()
        return OutboxDelivery.Summary()
    }

    /// Sends what is still due (all of it, or only up to the message in hand when `abandon`),
    /// stops the thread, and returns what it sent in all and the last sender-wide failure, if any.
    func finish(abandon: Bool) -> (sent: OutboxDelivery.Summary, failure: (any Error)?) {
        condition.lock()
        finishing = true
        abandoning = abandon
        condition.signal()
        while !finished { condition.wait() }
        defer { condition.unlock() }
        return (totals, failure)
    }

    private func loop() {
        while true {
            condition.lock()
            // After a sender-wide failure (SMTP down, login refused) only the clock wakes it, so
            // that a flood of hints does not turn into a flood of connection attempts.
            let wait = failuresInARow == 0
                ? idleSeconds : backoff.delay(afterFailures: failuresInARow, randomUnit: Double.random(in: 0...1))
            let deadline = Date().addingTimeInterval(wait)
            while (!hinted || failure != nil) && !finishing {
                if !condition.wait(until: deadline) { break }
            }
            hinted = false
            let last = finishing
            condition.unlock()
            let round = deliverRound()
            condition.lock()
            totals.sent += round.sent
            totals.retrying += round.retrying
            totals.parked += round.parked
            condition.unlock()
            if last { break }
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// One round; a failure is kept for `finish` and the next round tries again.
    private func deliverRound() -> OutboxDelivery.Summary {
        do {
            let round = try delivery.deliverDue(shouldStop: { [self] in
                condition.lock()
                defer { condition.unlock() }
                return abandoning
            })
            record(nil)
            return round
        } catch {
            log.log(LogEvent(.error, "outbox.unavailable", ["reason": "\(error)"]))
            record(error)
            return OutboxDelivery.Summary()
        }
    }

    private func record(_ error: (any Error)?) {
        condition.lock()
        failure = error
        failuresInARow = error == nil ? 0 : failuresInARow + 1
        condition.unlock()
    }
}
