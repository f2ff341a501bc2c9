import Foundation
import MailTransport
import Testing

/// Waiting for new mail with IDLE (RFC 2177).
@Suite struct IdleTests {
    @Test func idleNoticesADeliveryWithinTwoSeconds() throws {
        let server = try TestDovecot()
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        _ = try session.select("INBOX")
        let deliverer = DelayedDelivery(server: server, delay: 0.5)
        let started = Date()
        let changed = try session.waitForChange(seconds: 20)
        let elapsed = Date().timeIntervalSince(started) - 0.5
        #expect(changed)
        #expect(elapsed < 2, "noticed after \(elapsed) s")
        #expect(deliverer.wait() == nil)
        #expect(try session.uids(after: 0) == [1])
    }

    @Test func idleReturnsFalseWhenNothingHappens() throws {
        let server = try TestDovecot()
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        _ = try session.select("INBOX")
        let started = Date()
        #expect(try session.waitForChange(seconds: 1) == false)
        #expect(Date().timeIntervalSince(started) >= 0.9)
        // The connection is usable after DONE.
        #expect(try session.uids(after: 0) == [])
    }
}

/// A long wait is made of several IDLE commands, each ended with DONE before the renewal limit.
@Suite struct IdleRenewalTests {
    @Test func idleIsRenewedAndStillNoticesMail() throws {
        let server = try TestDovecot()
        var configuration = server.insecureConfiguration()
        configuration.idleRenewalSeconds = 0.5
        let session = try IMAPSession(configuration: configuration)
        _ = try session.select("INBOX")
        let quietStart = Date()
        #expect(try session.waitForChange(seconds: 1.8) == false)
        #expect(Date().timeIntervalSince(quietStart) >= 1.7, "a renewal must not end the wait early")
        let deliverer = DelayedDelivery(server: server, delay: 1.2)
        let started = Date()
        #expect(try session.waitForChange(seconds: 10))
        #expect(Date().timeIntervalSince(started) < 3.2)
        #expect(deliverer.wait() == nil)
        #expect(try session.uids(after: 0) == [1])
    }
}

/// Delivers one message over LMTP from another thread after a delay.
final class DelayedDelivery: @unchecked Sendable {
    private var error: (any Error)?
    private let finished = DispatchSemaphore(value: 0)

    init(server: TestDovecot, delay: Double) {
        nonisolated(unsafe) let server = server
        let thread = Thread { [self] in
            usleep(UInt32(delay * 1_000_000))
            do { try server.deliver([GeneratedMail.message(number: 1)]) } catch { self.error = error }
            finished.signal()
        }
        thread.start()
    }

    /// Waits for the delivery and returns its error, if any.
    func wait() -> (any Error)? {
        finished.wait()
        return error
    }
}

/// Mail the server announces while the gateway is busy with other commands.
@Suite struct ChangeDuringOtherCommandsTests {
    @Test func mailAnnouncedDuringAFetchEndsTheNextWaitAtOnce() throws {
        let server = try TestDovecot()
        try server.append([GeneratedMail.message(number: 1)])
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        _ = try session.select("INBOX")
        #expect(try session.uids(after: 0) == [1])
        try server.deliver([GeneratedMail.message(number: 2)])
        // Dovecot announces the new mail (EXISTS) at the end of the next command: this fetch.
        _ = try session.fetch(uids: [1], maxBytes: 1_000_000)
        let started = Date()
        #expect(try session.waitForChange(seconds: 5))
        #expect(Date().timeIntervalSince(started) < 1, "the wait did not notice the mail announced during the fetch")
        #expect(try session.uids(after: 1) == [2])
        // Reported once: the next wait is quiet again.
        #expect(try session.waitForChange(seconds: 1) == false)
    }
}
