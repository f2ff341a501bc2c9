import IMAPCore
import Testing

/// Wire form of every command the intake sends (RFC 9051 §6, RFC 6851, RFC 4315, RFC 4731).
@Suite struct CommandEncoderTests {
    static let cases: [(IMAPCommand, String)] = [
        (.capability, "T1 CAPABILITY\r\n"),
        (.noop, "T1 NOOP\r\n"),
        (.idle, "T1 IDLE\r\n"),
        (.logout, "T1 LOGOUT\r\n"),
        (.select(mailbox: "INBOX"), "T1 SELECT INBOX\r\n"),
        (.examine(mailbox: "Support Archive"), "T1 EXAMINE \"Support Archive\"\r\n"),
        (.create(mailbox: "Quote\"Back\\slash"), "T1 CREATE \"Quote\\\"Back\\\\slash\"\r\n"),
        (.create(mailbox: "Erledigt/Übersicht"), "T1 CREATE Erledigt/&ANw-bersicht\r\n"),
        (.create(mailbox: ""), "T1 CREATE \"\"\r\n"),
        (.uidSearch(.from(11), extended: false), "T1 UID SEARCH UID 11:*\r\n"),
        (.uidSearch(.from(11), extended: true), "T1 UID SEARCH RETURN (ALL) UID 11:*\r\n"),
        (.uidFetch(SequenceSet(uids: [5, 1, 2, 3, 9, 10]), items: [.uid, .rfc822Size, .bodyPeek]),
         "T1 UID FETCH 1:3,5,9:10 (UID RFC822.SIZE BODY.PEEK[])\r\n"),
        (.uidStore(SequenceSet(uids: [4]), .add, silent: true, flags: ["$SupportIntake"]),
         "T1 UID STORE 4 +FLAGS.SILENT ($SupportIntake)\r\n"),
        (.uidStore(SequenceSet(uids: [4, 5]), .add, silent: true, flags: ["\\Deleted"]),
         "T1 UID STORE 4:5 +FLAGS.SILENT (\\Deleted)\r\n"),
        (.uidMove(SequenceSet(uids: [7]), mailbox: "Processed"), "T1 UID MOVE 7 Processed\r\n"),
        (.uidCopy(SequenceSet(uids: [7]), mailbox: "Processed"), "T1 UID COPY 7 Processed\r\n"),
        (.uidExpunge(SequenceSet(uids: [7, 8])), "T1 UID EXPUNGE 7:8\r\n"),
    ]

    @Test(arguments: cases)
    func encodes(_ command: IMAPCommand, _ wire: String) throws {
        #expect(try IMAPCommandEncoder.encode(command, tag: "T1") == Array(wire.utf8))
    }

    @Test("control characters in a mailbox name are encoded, never sent raw")
    func controlCharactersInMailbox() throws {
        let line = try IMAPCommandEncoder.encode(.create(mailbox: "a\r\nb\u{0}"), tag: "T2")
        #expect(line == Array("T2 CREATE a&AA0ACg-b&AAA-\r\n".utf8))
        #expect(ModifiedUTF7.decode("a&AA0ACg-b&AAA-") == "a\r\nb\u{0}")
    }

    @Test("bad input is refused", arguments: [
        IMAPCommand.uidStore(SequenceSet(uids: [1]), .add, silent: true, flags: ["bad flag"]),
        IMAPCommand.uidStore(SequenceSet(uids: [1]), .add, silent: true, flags: ["x)"]),
        IMAPCommand.uidFetch(SequenceSet(uids: []), items: [.uid]),
    ])
    func refuses(_ command: IMAPCommand) {
        #expect(throws: IMAPCommandEncoder.EncodingError.self) { try IMAPCommandEncoder.encode(command, tag: "T1") }
    }

    @Test func refusesBadTag() {
        #expect(throws: IMAPCommandEncoder.EncodingError.invalidTag("a b")) { try IMAPCommandEncoder.encode(.noop, tag: "a b") }
    }

    @Test func tagsCount() {
        var tags = IMAPTagGenerator()
        #expect([tags.next(), tags.next()] == ["S0001", "S0002"])
    }
}
