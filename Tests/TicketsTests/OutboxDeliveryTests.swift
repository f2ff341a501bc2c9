import Foundation
import Testing
import Tickets

/// The outbox against the in-memory store and sender: sent once, retried with backoff, parked
/// with the server's words, and a sender-wide failure charges no attempt.
struct OutboxDeliveryTests {
    /// A responder that answers every new ticket.
    final class Answering: Responder {
        func respond(to situation: ReplySituation) -> ReplyDecision {
            if situation.isFollowUp { return .suppress(reason: "follow-up") }
            return .send(OutboxMessage(messageID: "ticket-\(situation.ticket.number).faq-reply.x@example-hosting.de",
                                       kind: "faq-reply", recipient: situation.record.replyAddress ?? "",
                                       bytes: Array("Subject: Re\r\n\r\nhi\r\n".utf8)))
        }
    }

    static func harness(_ mails: Int) -> IntakeHarness {
        let harness = IntakeHarness()
        harness.responder = Answering()
        harness.repliesOn = true
        harness.deliver(mails)
        return harness
    }

    @Test("each new ticket's reply goes out in the same cycle, once, from the support address")
    func sentOnce() throws {
        let harness = Self.harness(3)
        let summary = try harness.runCycle()
        #expect(summary.ticketed == 3 && summary.repliesSent == 3)
        #expect(harness.sender.sent.map(\.to) == ["kunde1@example.org", "kunde2@example.org", "kunde3@example.org"])
        #expect(harness.sender.sent.allSatisfy { $0.from == "support@example-hosting.de" })
        try harness.runCycle()
        #expect(harness.sender.sent.count == 3, "a second cycle sent again")
        #expect(try harness.store.outboxCounts() == [.sent: 3])
    }

    @Test("a transient failure is retried after the backoff; a permanent one is parked with the server's words")
    func retryAndPark() throws {
        let harness = Self.harness(2)
        harness.sender.script = [.success(.transientFailure("451 4.3.0 try later")), .success(.permanentFailure("550 5.1.1 unknown user"))]
        let first = try harness.runCycle()
        #expect(first.repliesRetrying == 1 && first.repliesParked == 1 && first.repliesSent == 0)
        let rows = try harness.store.replies(ticketNumber: "1001") + harness.store.replies(ticketNumber: "1002")
        #expect(rows.map(\.state) == [.pending, .failed])
        #expect(rows.map(\.lastError) == ["451 4.3.0 try later", "550 5.1.1 unknown user"])
        // Backoff with randomUnit 0: half of the first minute.
        #expect(rows[0].nextAttemptAt == harness.clock.now().addingTimeInterval(30))
        try harness.runCycle()  // the harness moves the clock on by a minute per cycle
        #expect(harness.sender.sent.map(\.to) == ["kunde1@example.org"])
        #expect(try harness.store.outboxCounts() == [.sent: 1, .failed: 1])
    }

    @Test("after maxAttempts transient failures in a row the reply is parked")
    func parkedAfterTooManyAttempts() throws {
        let harness = Self.harness(1)
        harness.sender.script = Array(repeating: .success(.transientFailure("421 busy")), count: OutboxDelivery.maxAttempts)
        try harness.runCycle()
        for _ in 1..<OutboxDelivery.maxAttempts {
            harness.clock.advance(by: OutboxDelivery.retryBackoff.maxSeconds)
            try harness.runCycle()
        }
        let row = try #require(try harness.store.replies(ticketNumber: "1001").first)
        #expect(row.state == .failed && row.attempts == OutboxDelivery.maxAttempts)
        #expect(harness.sender.sent.isEmpty)
    }

    struct LoginRefused: Error, CustomStringConvertible {
        var description: String { "535 authentication failed" }
    }

    @Test("when the SMTP server refuses us, tickets are still made and marked, and the replies wait uncharged")
    func senderUnavailable() throws {
        let harness = Self.harness(2)
        harness.sender.script = [.failure(LoginRefused())]
        let summary = try harness.runCycle()
        #expect(summary.ticketed == 2 && summary.marked == 2)
        #expect(summary.deliveryError == "535 authentication failed")
        #expect(harness.log.events(named: "outbox.unavailable").count == 1)
        let rows = try harness.store.replies(ticketNumber: "1001") + harness.store.replies(ticketNumber: "1002")
        #expect(rows.allSatisfy { $0.state == .pending && $0.attempts == 0 })
        let next = try harness.runCycle()
        #expect(next.repliesSent == 2 && next.deliveryError == nil)
    }
}
