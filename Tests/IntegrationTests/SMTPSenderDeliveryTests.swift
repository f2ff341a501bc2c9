import Foundation
import MailTransport
import Testing

/// What arrives at a real SMTP server (aiosmtpd, recording the bytes after dot-unstuffing) is
/// exactly what the gateway handed to `SMTPSender`, over one reused connection.
@Suite struct SMTPSenderDeliveryTests {
    static let awkwardBodies: [(label: String, body: String)] = [
        ("RFC 5321 §4.5.2 lone dot line", "before\r\n.\r\nafter\r\n"),
        ("RFC 5321 §4.5.2 leading dots", "..two\r\n.leading dot\r\n...three\r\n"),
        ("8-bit UTF-8", "Grüße aus Köln, 50 € – straße\r\n"),
        ("protocol look-alikes", "* fake\r\n) paren\r\nA001 OK\r\n250 OK\r\n"),
    ]

    @Test(arguments: awkwardBodies.map(\.label))
    func deliversTheExactBytes(label: String) throws {
        let body = try #require(Self.awkwardBodies.first { $0.label == label }).body
        let server = try TestSMTPServer()
        let sender = try SMTPSender(SMTPTestEndpoints.configuration(port: server.port, allowInsecure: true))
        let message = SMTPTestEndpoints.message(body: body)
        let delivery = try sender.send(from: SMTPTestEndpoints.supportAddress, to: [SMTPTestEndpoints.customer], bytes: message)
        guard case .sent(let reply) = delivery else { Issue.record("not sent: \(delivery)"); return }
        #expect(reply == SMTPReply(code: 250, text: "OK queued"))
        let received = try server.received()
        #expect(received.count == 1)
        #expect(received.first?.bytes == message)
        #expect(received.first?.mailFrom == SMTPTestEndpoints.supportAddress)
        #expect(received.first?.recipients == [SMTPTestEndpoints.customer])
    }

    @Test func deliversEightBitLatin1Bytes() throws {
        let server = try TestSMTPServer()
        let sender = try SMTPSender(SMTPTestEndpoints.configuration(port: server.port, allowInsecure: true))
        let message = Array("Subject: latin1\r\n\r\nGr".utf8) + [0xFC, 0xDF, 0xE9, 0xFF] + Array("e\r\n".utf8)
        let delivery = try sender.send(from: SMTPTestEndpoints.supportAddress, to: [SMTPTestEndpoints.customer], bytes: message)
        #expect(delivery.isSent)
        #expect(try server.received().first?.bytes == message)
    }

    @Test func deliversOneMegabyteExactly() throws {
        let server = try TestSMTPServer()
        let sender = try SMTPSender(SMTPTestEndpoints.configuration(port: server.port, allowInsecure: true))
        var body = ""
        var line = 0
        while body.utf8.count < 1 << 20 {
            body += line % 7 == 0 ? ".dotted line \(line) äöü\r\n" : "line \(line) of a long message\r\n"
            line += 1
        }
        let message = SMTPTestEndpoints.message(body: body)
        let delivery = try sender.send(from: SMTPTestEndpoints.supportAddress, to: [SMTPTestEndpoints.customer], bytes: message)
        #expect(delivery.isSent)
        let received = try server.received()
        #expect(received.first?.bytes.count == message.count)
        #expect(received.first?.bytes == message)
    }

    @Test func turnsBareLineFeedsIntoCRLF() throws {
        let server = try TestSMTPServer()
        let sender = try SMTPSender(SMTPTestEndpoints.configuration(port: server.port, allowInsecure: true))
        let message = Array("Subject: bare\n\nline one\nline two\r\nline three\rend\n".utf8)
        let delivery = try sender.send(from: SMTPTestEndpoints.supportAddress, to: [SMTPTestEndpoints.customer], bytes: message)
        #expect(delivery.isSent)
        #expect(try server.received().first?.bytes
            == Array("Subject: bare\r\n\r\nline one\r\nline two\r\nline three\r\nend\r\n".utf8))
    }

    @Test func reusesOneConnectionForFiftySends() throws {
        let server = try TestSMTPServer()
        let sender = try SMTPSender(SMTPTestEndpoints.configuration(port: server.port, allowInsecure: true))
        for number in 1...50 {
            let delivery = try sender.send(from: SMTPTestEndpoints.supportAddress, to: [SMTPTestEndpoints.customer],
                                           bytes: SMTPTestEndpoints.message(subject: "Nr. \(number)", body: "Hallo \(number)\r\n"))
            #expect(delivery.isSent, "send \(number): \(delivery)")
        }
        #expect(sender.connectionsOpened == 1)
        let received = try server.received()
        #expect(received.count == 50)
        #expect(received.last?.bytes == SMTPTestEndpoints.message(subject: "Nr. 50", body: "Hallo 50\r\n"))
    }

    @Test func sendsOneMessageToSeveralRecipients() throws {
        let server = try TestSMTPServer()
        let sender = try SMTPSender(SMTPTestEndpoints.configuration(port: server.port, allowInsecure: true))
        let recipients = ["a@example.net", "b@example.org", "c@example.com"]
        let delivery = try sender.send(from: SMTPTestEndpoints.supportAddress, to: recipients,
                                       bytes: SMTPTestEndpoints.message(body: "an alle\r\n"))
        #expect(delivery.isSent)
        #expect(try server.received().map(\.recipients) == [recipients])
    }

    @Test func sendsWithTheNullSender() throws {
        let server = try TestSMTPServer()
        let sender = try SMTPSender(SMTPTestEndpoints.configuration(port: server.port, allowInsecure: true))
        let delivery = try sender.send(from: "", to: [SMTPTestEndpoints.customer], bytes: SMTPTestEndpoints.message(body: "x\r\n"))
        #expect(delivery.isSent)
        #expect(try server.received().first?.mailFrom == "<>")
    }
}

extension SMTPDelivery {
    var isSent: Bool {
        if case .sent = self { return true }
        return false
    }
}
