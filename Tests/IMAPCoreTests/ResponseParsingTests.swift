import IMAPCore
import Testing

/// Single responses as real servers send them (RFC 9051 §7), including known quirks.
@Suite struct ResponseParsingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let wire: String
        let expected: IMAPResponse
        var testDescription: String { wire.trimmingTrailingNewline }
    }

    static let cases: [Case] = [
        Case(wire: "* 23 EXISTS\r\n", expected: .untagged(.exists(23))),
        Case(wire: "* 0 RECENT\r\n", expected: .untagged(.recent(0))),
        Case(wire: "* 5 EXPUNGE\r\n", expected: .untagged(.expunge(5))),
        Case(wire: "* OK [UIDVALIDITY 1795975528] UIDs valid\r\n",
             expected: .untagged(.status(.ok, ResponseText(code: .uidValidity(1_795_975_528), text: "UIDs valid")))),
        Case(wire: "* OK [UIDNEXT 11] Predicted next UID\r\n",
             expected: .untagged(.status(.ok, ResponseText(code: .uidNext(11), text: "Predicted next UID")))),
        Case(wire: "* SEARCH 2 84 882\r\n", expected: .untagged(.search([2, 84, 882]))),
        Case(wire: "* SEARCH\r\n", expected: .untagged(.search([]))),
        Case(wire: "* SEARCH 1 2 (MODSEQ 917162500)\r\n", expected: .untagged(.search([1, 2]))),
        Case(wire: "* ESEARCH (TAG \"A004\") UID MIN 1 MAX 5000 ALL 1:5000 COUNT 5000\r\n",
             expected: .untagged(.esearch(ExtendedSearchResult(tag: "A004", isUID: true,
                                                               all: SequenceSet(ranges: [.init(1, 5000)]),
                                                               min: 1, max: 5000, count: 5000)))),
        Case(wire: "* ESEARCH (TAG \"S3\") UID\r\n",
             expected: .untagged(.esearch(ExtendedSearchResult(tag: "S3", isUID: true)))),
        Case(wire: "* CAPABILITY IMAP4rev1 IDLE MOVE UIDPLUS ESEARCH\r\n",
             expected: .untagged(.capability(["IMAP4rev1", "IDLE", "MOVE", "UIDPLUS", "ESEARCH"]))),
        Case(wire: "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $SupportIntake)\r\n",
             expected: .untagged(.flags(["\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft", "$SupportIntake"]))),
        Case(wire: "* OK [PERMANENTFLAGS (\\Seen \\*)] Flags permitted.\r\n",
             expected: .untagged(.status(.ok, ResponseText(code: .permanentFlags(["\\Seen", "\\*"]), text: "Flags permitted.")))),
        Case(wire: "* BYE Server shutting down.\r\n",
             expected: .untagged(.status(.bye, ResponseText(text: "Server shutting down.")))),
        Case(wire: "* LIST (\\HasNoChildren) \".\" INBOX\r\n",
             expected: .untagged(.other(name: "LIST", text: "(\\HasNoChildren) \".\" INBOX"))),
        Case(wire: "S0003 OK [READ-WRITE] Select completed (0.001 + 0.000 secs).\r\n",
             expected: .tagged(TaggedResponse(tag: "S0003", condition: .ok,
                                              text: ResponseText(code: .readWrite, text: "Select completed (0.001 + 0.000 secs).")))),
        Case(wire: "S0004 NO [TRYCREATE] Mailbox doesn't exist: Processed\r\n",
             expected: .tagged(TaggedResponse(tag: "S0004", condition: .no,
                                              text: ResponseText(code: .tryCreate, text: "Mailbox doesn't exist: Processed")))),
        Case(wire: "S0005 NO [ALREADYEXISTS] Mailbox already exists\r\n",
             expected: .tagged(TaggedResponse(tag: "S0005", condition: .no,
                                              text: ResponseText(code: .alreadyExists, text: "Mailbox already exists")))),
        Case(wire: "S0006 BAD Error in IMAP command UID: Unknown command.\r\n",
             expected: .tagged(TaggedResponse(tag: "S0006", condition: .bad,
                                              text: ResponseText(text: "Error in IMAP command UID: Unknown command.")))),
        Case(wire: "* OK [COPYUID 1795975623 2:4 1:3] Moved UIDs.\r\n",
             expected: .untagged(.status(.ok, ResponseText(
                 code: .copyUID(uidValidity: 1_795_975_623, source: SequenceSet(ranges: [.init(2, 4)]),
                                destination: SequenceSet(ranges: [.init(1, 3)])), text: "Moved UIDs.")))),
        Case(wire: "* OK [HIGHESTMODSEQ 7] Highest\r\n",
             expected: .untagged(.status(.ok, ResponseText(code: .other(name: "HIGHESTMODSEQ", argument: "7"), text: "Highest")))),
        Case(wire: "+ idling\r\n", expected: .continuation("idling")),
        Case(wire: "+\r\n", expected: .continuation("")),
        // Quirks: lower case, several spaces, bare LF, no text after the condition.
        Case(wire: "* 3 exists\r\n", expected: .untagged(.exists(3))),
        Case(wire: "s1 ok [uidvalidity 42] done\r\n",
             expected: .tagged(TaggedResponse(tag: "s1", condition: .ok, text: ResponseText(code: .uidValidity(42), text: "done")))),
        Case(wire: "*  4   EXISTS\n", expected: .untagged(.exists(4))),
        Case(wire: "S7 OK\r\n", expected: .tagged(TaggedResponse(tag: "S7", condition: .ok, text: ResponseText(text: "")))),
        Case(wire: "* OK [UIDVALIDITY notanumber] odd\r\n",
             expected: .untagged(.status(.ok, ResponseText(code: .other(name: "UIDVALIDITY", argument: "notanumber"), text: "odd")))),
    ]

    @Test(arguments: cases)
    func parses(_ testCase: Case) throws {
        #expect(try parseAll(testCase.wire) == [testCase.expected])
    }

    struct FetchCase: Sendable, CustomTestStringConvertible {
        let wire: String
        let expected: FetchResponse
        var testDescription: String { wire.trimmingTrailingNewline }
    }

    static let fetchCases: [FetchCase] = [
        FetchCase(wire: "* 1 FETCH (UID 5 RFC822.SIZE 3 BODY[] {3}\r\nabc)\r\n",
                  expected: FetchResponse(sequenceNumber: 1, uid: 5, rfc822Size: 3, body: IMAPLiteral(bytes: Array("abc".utf8), size: 3))),
        FetchCase(wire: "* 1 FETCH (BODY[] {3}\r\nabc RFC822.SIZE 3 UID 5)\r\n",
                  expected: FetchResponse(sequenceNumber: 1, uid: 5, rfc822Size: 3, body: IMAPLiteral(bytes: Array("abc".utf8), size: 3))),
        FetchCase(wire: "* 1 FETCH (FLAGS (\\Seen $SupportIntake))\r\n",
                  expected: FetchResponse(sequenceNumber: 1, flags: ["\\Seen", "$SupportIntake"])),
        FetchCase(wire: "* 2 FETCH (UID 8 FLAGS ())\r\n", expected: FetchResponse(sequenceNumber: 2, uid: 8, flags: [])),
        FetchCase(wire: "* 1 fetch (uid 5  body[] \"a\\\"b\"  MODSEQ (12345))\r\n",
                  expected: FetchResponse(sequenceNumber: 1, uid: 5, body: IMAPLiteral(bytes: Array("a\"b".utf8), size: 3))),
        FetchCase(wire: "* 1 FETCH (UID 5 BODY[] NIL)\r\n", expected: FetchResponse(sequenceNumber: 1, uid: 5)),
        FetchCase(wire: "* 1 FETCH (UID 5 BODY[]<0> {2}\r\nab)\r\n",
                  expected: FetchResponse(sequenceNumber: 1, uid: 5, body: IMAPLiteral(bytes: Array("ab".utf8), size: 2))),
        FetchCase(wire: "* 1 FETCH (UID 5 BODY[HEADER.FIELDS (FROM)] {2}\r\nab INTERNALDATE \"17-Jul-1996 02:44:25 -0700\")\r\n",
                  expected: FetchResponse(sequenceNumber: 1, uid: 5)),
        FetchCase(wire: "* 1 FETCH (UID 5 BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 3 1) \"mixed\"))\r\n",
                  expected: FetchResponse(sequenceNumber: 1, uid: 5)),
        FetchCase(wire: "* 1 FETCH (UID 5 RFC822 {1}\r\nz)\r\n",
                  expected: FetchResponse(sequenceNumber: 1, uid: 5, body: IMAPLiteral(bytes: Array("z".utf8), size: 1))),
    ]

    @Test(arguments: fetchCases)
    func parsesFetch(_ testCase: FetchCase) throws {
        #expect(onlyFetch(try parseAll(testCase.wire)) == testCase.expected)
    }

    @Test("untagged responses in any order around a tagged completion")
    func unsolicitedInterleaving() throws {
        let wire = "* 1 FETCH (FLAGS (\\Seen))\r\n* 4 EXISTS\r\n* 2 EXPUNGE\r\n* SEARCH 3\r\n"
            + "* OK [UIDNEXT 9] x\r\n* 3 FETCH (UID 4 BODY[] {1}\r\nq)\r\nS2 OK done\r\n"
        let responses = try parseAll(wire)
        #expect(responses.count == 7)
        #expect(responses[1] == .untagged(.exists(4)))
        #expect(responses.last == .tagged(TaggedResponse(tag: "S2", condition: .ok, text: ResponseText(text: "done"))))
    }
}

extension String {
    var trimmingTrailingNewline: String {
        var text = self
        while text.last == "\n" || text.last == "\r\n" || text.last == "\r" { text.removeLast() }
        return text
    }
}
