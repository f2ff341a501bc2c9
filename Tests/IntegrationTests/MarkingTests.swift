import MailTransport
import Testing

/// Marking after commit: keyword, move, quarantine, all idempotent.
@Suite struct MarkingTests {
    @Test func keywordIsSetAndSeenIsNot() throws {
        let server = try TestDovecot()
        try server.append(GeneratedMail.messages(count: 3))
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        _ = try session.select("INBOX")
        try session.markProcessed(uids: [1, 3], moveTo: nil)
        try session.markProcessed(uids: [1, 3], moveTo: nil)
        let flags = try server.flags()
        #expect(flags[1] == ["$SupportIntake"])
        #expect(flags[2] == [])
        #expect(flags[3] == ["$SupportIntake"])
    }

    @Test func moveCreatesTheProcessedMailbox() throws {
        let server = try TestDovecot()
        try server.append(GeneratedMail.messages(count: 4))
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        _ = try session.select("INBOX")
        try session.markProcessed(uids: [1, 2], moveTo: "Processed")
        try session.markProcessed(uids: [1, 2, 3], moveTo: "Processed")
        #expect(try server.status()["messages"] == 1)
        #expect(try server.status(mailbox: "Processed")["messages"] == 3)
        let moved = try server.flags(mailbox: "Processed")
        #expect(moved.values.allSatisfy { $0 == ["$SupportIntake"] }, "flags: \(moved)")
        #expect(try session.uids(after: 0) == [4])
    }

    @Test func quarantineMovesWithoutTheKeyword() throws {
        let server = try TestDovecot()
        try server.append(GeneratedMail.messages(count: 2))
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        _ = try session.select("INBOX")
        try session.moveToQuarantine(uids: [2], mailbox: "Quarantäne")
        // doveadm speaks UTF-8 names; the session sent modified UTF-7 (Quarant&AOQ-ne).
        #expect(try server.mailboxExists("Quarantäne"))
        #expect(try server.status(mailbox: "Quarantäne")["messages"] == 1)
        #expect(try server.flags(mailbox: "Quarantäne").values.first == [])
        #expect(try server.status()["messages"] == 1)
    }
}
