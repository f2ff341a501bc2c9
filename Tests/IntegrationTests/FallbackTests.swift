import Foundation
import MailTransport
import Testing

/// Servers without IDLE, MOVE or UIDPLUS, and connections that break: the session's fallbacks.
@Suite struct FallbackTests {
    /// What Dovecot announces, minus the extensions under test (and ESEARCH, so that these
    /// tests take the plain `* SEARCH` path).
    static let basic = ["IMAP4rev1", "SASL-IR", "LITERAL+", "ENABLE", "NAMESPACE"]

    @Test func moveWithoutMOVEUsesCopyDeleteAndUIDExpunge() throws {
        let server = try TestDovecot(capabilities: Self.basic + ["UIDPLUS", "IDLE"])
        try server.append(GeneratedMail.messages(count: 3))
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        _ = try session.select("INBOX")
        #expect(!session.capabilities.contains("MOVE"))
        try session.markProcessed(uids: [1, 2], moveTo: "Processed")
        #expect(try server.status()["messages"] == 1)
        #expect(try server.flags(mailbox: "Processed").values.allSatisfy { $0 == ["$SupportIntake"] })
        #expect(try server.status(mailbox: "Processed")["messages"] == 2)
    }

    @Test func withoutUIDPLUSCopiesStayFlaggedDeleted() throws {
        let server = try TestDovecot(capabilities: Self.basic)
        try server.append(GeneratedMail.messages(count: 2))
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        _ = try session.select("INBOX")
        #expect(!session.capabilities.contains("ESEARCH"))
        #expect(try session.uids(after: 0) == [1, 2])
        #expect(try session.uids(after: 2) == [])
        try session.markProcessed(uids: [1], moveTo: "Processed")
        #expect(try server.status(mailbox: "Processed")["messages"] == 1)
        #expect(try server.flags()[1] == ["$SupportIntake", "\\Deleted"])
        #expect(try server.flags()[2] == [])
    }

    @Test func withoutIDLEWaitingPollsWithNOOP() throws {
        let server = try TestDovecot(capabilities: Self.basic + ["MOVE", "UIDPLUS"])
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        _ = try session.select("INBOX")
        #expect(!session.capabilities.contains("IDLE"))
        let deliverer = DelayedDelivery(server: server, delay: 0.5)
        let started = Date()
        #expect(try session.waitForChange(seconds: 20))
        #expect(Date().timeIntervalSince(started) < 7)
        #expect(deliverer.wait() == nil)
        #expect(try session.waitForChange(seconds: 0.5) == false)
    }

    @Test func aDroppedConnectionFailsClearlyAndSelectReconnects() throws {
        let server = try TestDovecot()
        try server.append(GeneratedMail.messages(count: 2))
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        let before = try session.select("INBOX")
        try server.disconnectClients()
        let error = try #require(throws: IMAPSessionError.self) { try session.uids(after: 0) }
        #expect(error.kind == .connectionLost, "\(error)")
        #expect(error.dropsConnection)
        let after = try session.select("INBOX")
        #expect(after.uidValidity == before.uidValidity)
        #expect(try session.uids(after: 0) == [1, 2])
    }
}

/// A connection the server dropped while the session sat between cycles is replaced by `select`.
@Suite struct ReconnectTests {
    @Test func selectReplacesADeadConnection() throws {
        let server = try TestDovecot()
        try server.append(GeneratedMail.messages(count: 1))
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        let before = try session.select("INBOX")
        try server.disconnectClients()
        let after = try session.select("INBOX")
        #expect(after == before)
        #expect(try session.uids(after: 0) == [1])
    }

    @Test func closeLogsOutAndSelectConnectsAgain() throws {
        let server = try TestDovecot()
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        _ = try session.select("INBOX")
        session.close()
        #expect(session.selectedMailbox == nil)
        #expect(throws: IMAPSessionError.self) { try session.uids(after: 0) }
        _ = try session.select("INBOX")
        #expect(try session.uids(after: 0) == [])
        #expect(server.log.contains("Logged out"))
    }
}
