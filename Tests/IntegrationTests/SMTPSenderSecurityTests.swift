import Foundation
import MailTransport
import Testing

/// TLS and login against a real SMTP server: STARTTLS is required on smtp:// unless explicitly
/// allowed otherwise, certificates are verified, and the password never shows.
@Suite struct SMTPSenderSecurityTests {
    static let user = "gateway"
    static let password = "s3cret-Passw0rd"

    private func tlsServer() throws -> TestSMTPServer {
        try TestSMTPServer(TestSMTPServer.Options(tls: true, requireStartTLS: true, credentials: (Self.user, Self.password)))
    }

    @Test func startTLSAndLoginWithTheCAFile() throws {
        let server = try tlsServer()
        let sender = try SMTPSender(SMTPTestEndpoints.configuration(port: server.port, username: Self.user, password: Self.password,
                                                                    caFile: server.certificateFile))
        let message = SMTPTestEndpoints.message(body: "über TLS\r\n")
        for _ in 1...3 {
            let delivery = try sender.send(from: SMTPTestEndpoints.supportAddress, to: [SMTPTestEndpoints.customer], bytes: message)
            #expect(delivery.isSent, "\(delivery)")
        }
        #expect(sender.connectionsOpened == 1)
        let received = try server.received()
        #expect(received.count == 3)
        #expect(received.allSatisfy { $0.usedTLS && $0.authenticated && $0.bytes == message })
    }

    @Test func refusesClearTextWhenTheServerOffersNoStartTLS() throws {
        let server = try TestSMTPServer(TestSMTPServer.Options(credentials: (Self.user, Self.password)))
        let sender = try SMTPSender(SMTPTestEndpoints.configuration(port: server.port, username: Self.user, password: Self.password))
        let error = try #require(throws: SMTPSenderError.self) {
            try sender.send(from: SMTPTestEndpoints.supportAddress, to: [SMTPTestEndpoints.customer],
                            bytes: SMTPTestEndpoints.message(body: "x\r\n"))
        }
        #expect(error.kind == .cleartextRefused)
        #expect(error.description.contains("STARTTLS"))
        #expect(error.description.contains("allowInsecure"))
        #expect(try server.received().isEmpty)
    }

    @Test func logsInInClearTextOnlyWithAllowInsecure() throws {
        let server = try TestSMTPServer(TestSMTPServer.Options(credentials: (Self.user, Self.password)))
        let sender = try SMTPSender(SMTPTestEndpoints.configuration(port: server.port, username: Self.user, password: Self.password,
                                                                    allowInsecure: true))
        let delivery = try sender.send(from: SMTPTestEndpoints.supportAddress, to: [SMTPTestEndpoints.customer],
                                       bytes: SMTPTestEndpoints.message(body: "x\r\n"))
        #expect(delivery.isSent)
        #expect(try server.received().map { [$0.authenticated, $0.usedTLS] } == [[true, false]])
    }

    @Test func refusesAWrongPasswordAsAnAuthenticationError() throws {
        let server = try tlsServer()
        let sender = try SMTPSender(SMTPTestEndpoints.configuration(port: server.port, username: Self.user, password: "wrong",
                                                                    caFile: server.certificateFile))
        let error = try #require(throws: SMTPSenderError.self) {
            try sender.send(from: SMTPTestEndpoints.supportAddress, to: [SMTPTestEndpoints.customer],
                            bytes: SMTPTestEndpoints.message(body: "x\r\n"))
        }
        #expect(error.kind == .authentication)
        #expect(error.reply?.code == 535)
        #expect(!error.description.contains("wrong"))
        #expect(try server.received().isEmpty)
    }

    @Test func refusesAnUntrustedCertificate() throws {
        let server = try tlsServer()
        let sender = try SMTPSender(SMTPTestEndpoints.configuration(port: server.port, username: Self.user, password: Self.password))
        let error = try #require(throws: SMTPSenderError.self) {
            try sender.send(from: SMTPTestEndpoints.supportAddress, to: [SMTPTestEndpoints.customer],
                            bytes: SMTPTestEndpoints.message(body: "x\r\n"))
        }
        #expect(error.kind == .tls)
        #expect(error.description.contains("127.0.0.1:\(server.port)"))
        #expect(error.description.lowercased().contains("certificate"))
        #expect(try server.received().isEmpty)
    }

    @Test func neverShowsThePassword() throws {
        let configuration = SMTPTestEndpoints.configuration(port: 25, username: Self.user, password: Self.password)
        var dumped = ""
        dump(configuration, to: &dumped)
        #expect(!configuration.description.contains(Self.password))
        #expect(!"\(configuration)".contains(Self.password))
        #expect(!dumped.contains(Self.password))
        #expect(dumped.contains(Self.user))
    }

    @Test(arguments: ["imap://127.0.0.1:25", "smtp://", "not a url", "https://127.0.0.1"])
    func rejectsAnUnusableURL(url: String) throws {
        var configuration = SMTPTestEndpoints.configuration(port: 25)
        configuration.url = url
        let error = try #require(throws: SMTPSenderError.self) { try SMTPSender(configuration) }
        #expect(error.kind == .configuration)
    }

    @Test(arguments: ["", "bad name", "evil\r\nMAIL FROM:<x@y>", "a/b"])
    func rejectsAnUnusableEHLOName(name: String) throws {
        var configuration = SMTPTestEndpoints.configuration(port: 25)
        configuration.ehloName = name
        let error = try #require(throws: SMTPSenderError.self) { try SMTPSender(configuration) }
        #expect(error.kind == .configuration)
    }

    @Test func takesTheEHLONameFromTheSupportAddress() {
        #expect(SMTPConfiguration.ehloName(forSupportAddress: "support@example-hosting.de") == "example-hosting.de")
        #expect(SMTPConfiguration.ehloName(forSupportAddress: "no-domain") == nil)
        #expect(SMTPConfiguration.ehloName(forSupportAddress: "x@bad\r\ndomain") == nil)
    }
}
