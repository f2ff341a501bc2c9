import Foundation
import MailTransport
import Testing
import LocalServers

/// Every way a send can fail ends in the outcome the outbox needs: park (permanent, with the
/// server's words), retry later (transient), and never a wait longer than the configured limits.
@Suite struct SMTPSenderFailureTests {
    @Test func rejectedRecipientIsPermanentWithTheServersWords() throws {
        let rejected = "unknown@example.net"
        let server = try TestSMTPServer(TestSMTPServer.Options(rejectedRecipients: [rejected]))
        let sender = try SMTPSender(SMTPTestEndpoints.configuration(port: server.port, allowInsecure: true))
        let delivery = try sender.send(from: SMTPTestEndpoints.supportAddress, to: [rejected],
                                       bytes: SMTPTestEndpoints.message(body: "x\r\n"))
        guard case .permanentFailure(let failure) = delivery else { Issue.record("not permanent: \(delivery)"); return }
        #expect(failure.kind == .rejectedByServer)
        #expect(failure.reply?.code == 550)
        #expect(failure.reply?.text == "5.1.1 <\(rejected)>: Recipient address rejected: User unknown")
        #expect(failure.description.contains("Recipient address rejected"))
        // The next message still goes out (libcurl ended the session with QUIT and reconnects).
        let next = try sender.send(from: SMTPTestEndpoints.supportAddress, to: [SMTPTestEndpoints.customer],
                                   bytes: SMTPTestEndpoints.message(body: "y\r\n"))
        #expect(next.isSent)
        #expect(sender.connectionsOpened == 2)
        #expect(try server.received().map(\.recipients) == [[SMTPTestEndpoints.customer]])
    }

    @Test func temporaryFailureIsTransientAndTheRetrySucceeds() throws {
        let server = try TestSMTPServer(TestSMTPServer.Options(temporaryFailures: 1))
        let sender = try SMTPSender(SMTPTestEndpoints.configuration(port: server.port, allowInsecure: true))
        let message = SMTPTestEndpoints.message(body: "bitte nochmal\r\n")
        let first = try sender.send(from: SMTPTestEndpoints.supportAddress, to: [SMTPTestEndpoints.customer], bytes: message)
        guard case .transientFailure(let failure) = first else { Issue.record("not transient: \(first)"); return }
        #expect(failure.kind == .rejectedByServer)
        #expect(failure.reply?.code == 451)
        #expect(failure.reply?.text == "4.3.0 Temporary failure, try again later")
        let retry = try sender.send(from: SMTPTestEndpoints.supportAddress, to: [SMTPTestEndpoints.customer], bytes: message)
        #expect(retry.isSent)
        #expect(try server.received().map(\.bytes) == [message])
    }

    @Test func refusedConnectionIsTransient() throws {
        let port = try LoopbackPort.free()
        let sender = try SMTPSender(SMTPTestEndpoints.configuration(port: port, allowInsecure: true))
        let delivery = try sender.send(from: SMTPTestEndpoints.supportAddress, to: [SMTPTestEndpoints.customer],
                                       bytes: SMTPTestEndpoints.message(body: "x\r\n"))
        guard case .transientFailure(let failure) = delivery else { Issue.record("not transient: \(delivery)"); return }
        #expect(failure.kind == .connection)
        #expect(failure.description.contains("127.0.0.1:\(port)"))
    }

    @Test func silentServerTimesOutWithinTheLimit() throws {
        let server = try SMTPScriptedServer(.silent)
        let sender = try SMTPSender(SMTPTestEndpoints.configuration(port: server.port, allowInsecure: true))
        let started = Date()
        let delivery = try sender.send(from: SMTPTestEndpoints.supportAddress, to: [SMTPTestEndpoints.customer],
                                       bytes: SMTPTestEndpoints.message(body: "x\r\n"))
        let elapsed = Date().timeIntervalSince(started)
        guard case .transientFailure(let failure) = delivery else { Issue.record("not transient: \(delivery)"); return }
        #expect(failure.kind == .timeout)
        #expect(elapsed >= SMTPTestEndpoints.responseTimeout - 0.5)
        #expect(elapsed < SMTPTestEndpoints.responseTimeout + 2, "waited \(elapsed) s")
    }

    /// The ambiguous window: the message went out but the final reply never came. It counts as
    /// transient (the outbox sends again later, which may deliver twice: the documented window).
    @Test func missingFinalReplyTimesOutAsTransient() throws {
        let server = try SMTPScriptedServer(.stallAfterMessage)
        let sender = try SMTPSender(SMTPTestEndpoints.configuration(port: server.port, allowInsecure: true))
        let started = Date()
        let delivery = try sender.send(from: SMTPTestEndpoints.supportAddress, to: [SMTPTestEndpoints.customer],
                                       bytes: SMTPTestEndpoints.message(body: "x\r\n"))
        let elapsed = Date().timeIntervalSince(started)
        guard case .transientFailure(let failure) = delivery else { Issue.record("not transient: \(delivery)"); return }
        #expect(failure.kind == .timeout)
        #expect(elapsed < SMTPTestEndpoints.responseTimeout + 2, "waited \(elapsed) s")
        // The stalled connection is not reused: the next send opens a new one (and times out again).
        let second = try sender.send(from: SMTPTestEndpoints.supportAddress, to: [SMTPTestEndpoints.customer],
                                     bytes: SMTPTestEndpoints.message(body: "x\r\n"))
        #expect(sender.connectionsOpened == 2)
        guard case .transientFailure(let again) = second else { Issue.record("not transient: \(second)"); return }
        #expect(again.kind == .timeout)
    }

    @Test func reconnectsWhenTheServerHungUp() throws {
        let server = try SMTPScriptedServer(.hangUpAfterEachMessage)
        let sender = try SMTPSender(SMTPTestEndpoints.configuration(port: server.port, allowInsecure: true))
        for number in 1...3 {
            let delivery = try sender.send(from: SMTPTestEndpoints.supportAddress, to: [SMTPTestEndpoints.customer],
                                           bytes: SMTPTestEndpoints.message(body: "Nr. \(number)\r\n"))
            #expect(delivery == .sent(SMTPReply(code: 250, text: "OK accepted")), "send \(number)")
        }
        #expect(sender.connectionsOpened == 3)
    }

    static let unsafeAddresses = [
        "kunde@example.net\r\nRCPT TO:<evil@example.org>", "kunde@example.net\n", "kunde@example.net\r",
        "<kunde@example.net>", "kunde@example.net>", "kunde @example.net", "kunde@example.net\t", "", "no-at-sign",
        "@example.net", "kunde@", String(repeating: "a", count: 250) + "@example.net",
    ]

    @Test(arguments: unsafeAddresses)
    func unsafeRecipientIsPermanentWithoutContactingTheServer(address: String) throws {
        let port = try LoopbackPort.free()
        let sender = try SMTPSender(SMTPTestEndpoints.configuration(port: port, allowInsecure: true))
        let delivery = try sender.send(from: SMTPTestEndpoints.supportAddress, to: [address],
                                       bytes: SMTPTestEndpoints.message(body: "x\r\n"))
        guard case .permanentFailure(let failure) = delivery else { Issue.record("not permanent: \(delivery)"); return }
        #expect(failure.kind == .invalidAddress)
        #expect(!failure.description.contains("\r") && !failure.description.contains("\n"))
        #expect(sender.connectionsOpened == 0)
    }

    @Test(arguments: ["support@example-hosting.de\r\nRSET", "<support@example-hosting.de>", "support @example-hosting.de"])
    func unsafeSenderIsPermanentWithoutContactingTheServer(address: String) throws {
        let port = try LoopbackPort.free()
        let sender = try SMTPSender(SMTPTestEndpoints.configuration(port: port, allowInsecure: true))
        let delivery = try sender.send(from: address, to: [SMTPTestEndpoints.customer], bytes: SMTPTestEndpoints.message(body: "x\r\n"))
        guard case .permanentFailure(let failure) = delivery else { Issue.record("not permanent: \(delivery)"); return }
        #expect(failure.kind == .invalidAddress)
    }

    @Test func noRecipientsIsPermanent() throws {
        let sender = try SMTPSender(SMTPTestEndpoints.configuration(port: try LoopbackPort.free(), allowInsecure: true))
        let delivery = try sender.send(from: SMTPTestEndpoints.supportAddress, to: [], bytes: SMTPTestEndpoints.message(body: "x\r\n"))
        guard case .permanentFailure(let failure) = delivery else { Issue.record("not permanent: \(delivery)"); return }
        #expect(failure.kind == .invalidAddress)
    }
}
