import Testing
import MailCore

@Suite("Address lists (RFC 5322 §3.4, §4.4)")
struct AddressTests {
    /// Expected mailboxes as "name|address", checked against Python's email (policy.default).
    static let from: [Case<String, [String]>] = [
        Case("RFC 5322 §3.4 addr-spec alone", "joe@example.de", ["|joe@example.de"]),
        Case("RFC 5322 §3.4 name-addr", "Joe Black <joe@example.de>", ["Joe Black|joe@example.de"]),
        Case("RFC 5322 §3.4 angle-addr without display name", "<joe@example.de>", ["|joe@example.de"]),
        Case("RFC 5322 §3.2.4 quoted display name with a comma", "\"Doe, John\" <j@x.de>", ["Doe, John|j@x.de"]),
        Case("RFC 5322 §3.2.4 quoted-pair in a display name", "\"Joe \\\"JB\\\" Black\" <j@x.de>", ["Joe \"JB\" Black|j@x.de"]),
        Case("RFC 5322 §3.2.2 a comment is not a name", "a@b.de (Joe)", ["|a@b.de"]),
        Case("RFC 5322 §3.2.2 comments around a name-addr", "Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>",
             ["Pete|pete@silly.test"]),
        Case("RFC 5322 §3.4 group flattened, name dropped", "Team: a@x.de, B <b@x.de>;", ["|a@x.de", "B|b@x.de"]),
        Case("RFC 5322 §3.4 empty group contributes nothing", "undisclosed-recipients:;", []),
        Case("RFC 5322 §3.4 group among mailboxes", "\"Doe, John\" <j@x.de>, group: a@b, c@d;, x@y",
             ["Doe, John|j@x.de", "|a@b", "|c@d", "|x@y"]),
        Case("RFC 2047 §5(3) encoded display name", "=?iso-8859-1?Q?J=F6rg_M=FCller?= <j@x.de>", ["Jörg Müller|j@x.de"]),
        Case("RFC 2047 encoded-word with a comma in the name", "=?utf-8?Q?M=C3=BCller=2C_Hans?= <h@x.de>", ["Müller, Hans|h@x.de"]),
        Case("RFC 2047 encoded-word after a plain word", "Hans =?utf-8?Q?M=C3=BCller?= <h@x.de>", ["Hans Müller|h@x.de"]),
        Case("RFC 2047 encoded-word inside quotes (decoded, as real mailers expect)", "\"=?utf-8?B?SsO2cmc=?=\" <j@x.de>",
             ["Jörg|j@x.de"]),
        Case("RFC 5322 §4.1 obs-phrase with a period", "John Q. Public <jqp@x.com>", ["John Q. Public|jqp@x.com"]),
        Case("RFC 5322 §4.4 obs-route is dropped", "<@relay.x:a@b.de>", ["|a@b.de"]),
        Case("RFC 5322 §4.4 CFWS inside an addr-spec", "a @ b . de", ["|a@b.de"]),
        Case("Missing '@': the local part is the address", "joe", ["|joe"]),
        Case("Missing '>' is tolerated", "Joe <a@b.de", ["Joe|a@b.de"]),
        Case("Trailing garbage after the angle-addr is ignored", "Joe <a@b.de> trailing garbage", ["Joe|a@b.de"]),
        Case("RFC 5322 §4.4 empty list elements", "a@b.de, , c@d.de", ["|a@b.de", "|c@d.de"]),
        Case("Several mailboxes", "Mary Smith <mary@x.test>, jdoe@one.test", ["Mary Smith|mary@x.test", "|jdoe@one.test"]),
        Case("Quoted local part that needs the quotes", "\"john doe\"@x.com", ["|\"john doe\"@x.com"]),
        Case("Quoted local part that does not", "\"john\"@x.com", ["|john@x.com"]),
        Case("Words before an '@' form one quoted local part (as Python reads it)", "Joe Smith a@b", ["|\"Joe Smith a\"@b"]),
        Case("Raw UTF-8 display name (RFC 6532)", "Jörg Müller <j@x.de>", ["Jörg Müller|j@x.de"]),
        Case("RFC 5322 §3.2.4 quote and backslash in a quoted local part stay escaped", "\"a\\\"b\\\\c d\"@x.de",
             ["|\"a\\\"b\\\\c d\"@x.de"]),
        Case("Two quoted words", "\"Hans\" \"Meier\" <h@x.de>", ["Hans Meier|h@x.de"]),
        Case("A ';' outside a group ends the list up to the next ','", "Hans <h@x.de>; Eva <e@x.de>, x@y.de", ["Hans|h@x.de", "|x@y.de"]),
        Case("Trailing ';' after an address (Outlook)", "support@example-hosting.de;", ["|support@example-hosting.de"]),
        Case("Domain literal", "a@[192.0.2.1]", ["|a@[192.0.2.1]"]),
        Case("RFC 5321 §4.5.5 null reverse-path of a bounce stays '<>'", "MAILER DAEMON <>", ["MAILER DAEMON|<>"]),
    ]

    @Test("From", arguments: from)
    func fromHeader(_ row: Case<String, [String]>) {
        let message = parsed("From: \(row.input)\nSubject: x\n\nx")
        #expect(message.from.map { "\($0.name)|\($0.address)" } == row.expected)
    }

    @Test("RFC 5322 §3.6.3 repeated To headers are concatenated in order")
    func repeatedTo() {
        let message = parsed("To: a@x.de\nTo: B <b@x.de>, c@x.de\nCc: d@x.de\nReply-To: Support <s@x.de>\n\nx")
        #expect(message.to.map(\.address) == ["a@x.de", "b@x.de", "c@x.de"])
        #expect(message.cc.map(\.address) == ["d@x.de"])
        #expect(message.replyTo == [Mailbox(name: "Support", address: "s@x.de")])
    }

    @Test("RFC 5322 §3.4 a folded address list")
    func foldedList() {
        let message = parsed("To: Ann <ann@x.de>,\n joe@x.de (Joe Q)\n\nx")
        #expect(message.to == [Mailbox(name: "Ann", address: "ann@x.de"), Mailbox(name: "", address: "joe@x.de")])
    }
}
