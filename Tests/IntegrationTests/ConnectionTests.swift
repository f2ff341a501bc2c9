import Foundation
import MailTransport
import Testing
import LocalServers

/// Connecting and logging in against a real Dovecot: every transport the gateway supports, and
/// one clear error for each way it can go wrong.
@Suite struct ConnectionTests {
    @Test func plainLoginWhenInsecureIsAllowed() throws {
        let server = try TestDovecot()
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        let status = try session.select("INBOX")
        #expect(status.exists == 0)
        #expect(session.capabilities.contains("IDLE"))
        #expect(session.capabilities.contains("MOVE"))
    }

    @Test func implicitTLSWithCAFile() throws {
        let server = try TestDovecot()
        let session = try IMAPSession(configuration: server.tlsConfiguration())
        let status = try session.select("INBOX")
        #expect(Int(status.uidValidity) == (try server.status())["uidvalidity"])
    }

    @Test func startTLSIsUsedOnPlainURL() throws {
        let server = try TestDovecot()
        let configuration = IMAPConfiguration(url: server.url(), username: server.user, password: server.password,
                                              caFile: server.certificateFile, connectTimeout: 10, responseTimeout: 10)
        let session = try IMAPSession(configuration: configuration)
        _ = try session.select("INBOX")
        #expect(server.log.contains("TLS"))
    }

    @Test func plaintextLoginRefusedWithoutInsecure() throws {
        let server = try TestDovecot(tls: false)
        let configuration = IMAPConfiguration(url: server.url(), username: server.user, password: server.password,
                                              connectTimeout: 10, responseTimeout: 10)
        let error = try #require(throws: IMAPSessionError.self) { try IMAPSession(configuration: configuration).select("INBOX") }
        #expect(error.kind == .tls)
        #expect(error.description.contains("STARTTLS"))
        #expect(!error.description.contains(server.password))
        #expect(!server.log.contains("Login: user=<support>"))
    }

    @Test func wrongPasswordIsALoginErrorWithinSeconds() throws {
        let server = try TestDovecot()
        var configuration = server.insecureConfiguration()
        configuration.password = "not-the-password"
        let started = Date()
        let error = try #require(throws: IMAPSessionError.self) { try IMAPSession(configuration: configuration).select("INBOX") }
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(error.kind == .login)
        #expect(error.curlCode == 67)
        #expect(!error.description.contains("not-the-password"))
        #expect(!error.description.contains("\n"))
    }

    @Test func closedPortIsAConnectError() throws {
        let port = try LoopbackPort.free()
        let configuration = IMAPConfiguration(url: "imaps://127.0.0.1:\(port)/INBOX", username: "u", password: "p",
                                              connectTimeout: 5, responseTimeout: 5)
        let error = try #require(throws: IMAPSessionError.self) { try IMAPSession(configuration: configuration).select("INBOX") }
        #expect(error.kind == .connect)
        #expect(error.description.contains("127.0.0.1:\(port)"))
    }

    @Test func unverifiableCertificateIsATLSError() throws {
        let server = try TestDovecot()
        var configuration = server.tlsConfiguration()
        configuration.caFile = nil
        let error = try #require(throws: IMAPSessionError.self) { try IMAPSession(configuration: configuration).select("INBOX") }
        #expect(error.kind == .tls)
        #expect(error.curlCode == 60)
        #expect(error.description.contains("certificate"))
    }

    @Test func startTLSVerifiesTheCertificateToo() throws {
        let server = try TestDovecot()
        let configuration = IMAPConfiguration(url: server.url(), username: server.user, password: server.password,
                                              connectTimeout: 10, responseTimeout: 10)
        let error = try #require(throws: IMAPSessionError.self) { try IMAPSession(configuration: configuration).select("INBOX") }
        #expect(error.kind == .tls)
        #expect(error.curlCode == 60)
    }

    @Test func stallInTheMiddleOfALiteralTimesOut() throws {
        let server = try ScriptedIMAPServer()
        let configuration = IMAPConfiguration(url: "imap://127.0.0.1:\(server.port)/INBOX", username: "u", password: "p",
                                              allowInsecure: true, connectTimeout: 5, responseTimeout: 1.5)
        let session = try IMAPSession(configuration: configuration)
        _ = try session.select("INBOX")
        let started = Date()
        let error = try #require(throws: IMAPSessionError.self) { try session.fetch(uids: [1], maxBytes: 1 << 20) }
        let elapsed = Date().timeIntervalSince(started)
        #expect(error.kind == .timeout)
        #expect(error.description.contains("in the middle of a response"))
        #expect(elapsed >= 1.4 && elapsed < 5, "timed out after \(elapsed) s")
        #expect(throws: IMAPSessionError.self) { try session.uids(after: 0) }
    }

    @Test func oauth2TokenIsSentAsXOAUTH2() throws {
        let server = try ScriptedIMAPServer()
        let configuration = IMAPConfiguration(url: "imap://127.0.0.1:\(server.port)/INBOX", username: "support@example.net",
                                              password: "", oauth2Token: "token-123", allowInsecure: true,
                                              connectTimeout: 5, responseTimeout: 5)
        let session = try IMAPSession(configuration: configuration)
        #expect(try session.select("INBOX").uidValidity == 7)
        let expected = Data("user=support@example.net\u{1}auth=Bearer token-123\u{1}\u{1}".utf8).base64EncodedString()
        let login = try #require(server.recordedLogin)
        #expect(login.contains("AUTHENTICATE XOAUTH2"))
        #expect(login.hasSuffix(expected))
    }

    @Test("unusable configurations are refused before connecting",
          arguments: ["http://127.0.0.1/INBOX", "pop3://host/", "not a url", "imaps:///INBOX"])
    func badURLs(url: String) {
        #expect(throws: IMAPSessionError.self) { try IMAPSession(configuration: IMAPConfiguration(url: url, username: "u", password: "p")) }
    }

    @Test func mailboxComesFromTheURLPath() {
        #expect(IMAPConfiguration(url: "imaps://h/Support%20Desk", username: "u", password: "p").mailbox == "Support Desk")
        #expect(IMAPConfiguration(url: "imaps://h:993", username: "u", password: "p").mailbox == "INBOX")
        #expect(!IMAPConfiguration(url: "imaps://h/", username: "u", password: "secret").description.contains("secret"))
    }
}
