import Testing
import MailCore

@Suite("Real-world damage and limits (never throw, never trap)")
struct RobustnessTests {
    static let damaged: [Case<[UInt8], String>] = [
        Case("Bare LF line ends throughout", Array("Subject: lf\nContent-Type: text/plain\n\nline one\nline two\n".utf8), "line one\nline two"),
        Case("Mixed CRLF and LF", Array("Subject: mixed\r\nContent-Type: text/plain\n\r\nline one\r\nline two\n".utf8), "line one\nline two"),
        Case("NUL bytes in the body", Array("Subject: nul\r\n\r\na\u{0}b".utf8), "a\u{0}b"),
        Case("mbox From line before the header", Array("From joe@x.de Sat Apr 21 00:00:00 2001\r\nSubject: mbox\r\n\r\nbody".utf8), "body"),
        Case("UTF-8 byte order mark before the header", [0xEF, 0xBB, 0xBF] + Array("Subject: bom\r\n\r\nbody".utf8), "body"),
        Case("Line over 998 octets", Array(("Subject: long\r\n\r\n" + String(repeating: "x", count: 5000)).utf8), String(repeating: "x", count: 5000)),
        Case("No empty line after the header: the body starts at the first non-header line",
             Array("Subject: x\r\nThis is the body\r\n".utf8), "This is the body"),
        Case("Lone CR line ends (old Mac mailers)", Array("Subject: cr\rContent-Type: text/plain\r\rline one\rline two".utf8), "line one\nline two"),
        Case("A header line starting with ':' is a field with an empty name (as Python reads it)",
             Array("Subject: x\n: no name\nFrom: a@b.de\n\nbody".utf8), "body"),
        Case("Header only, no body", Array("Subject: x\r\n".utf8), ""),
        Case("Continuation line before any field is dropped", Array(" stray\r\nSubject: x\r\n\r\nbody".utf8), "body"),
    ]

    @Test("Damaged messages still yield their body", arguments: damaged)
    func damagedBody(_ row: Case<[UInt8], String>) {
        let message = MessageParser.parse(row.input)
        #expect((message.textBody ?? "").trimmingTrailingNewlines == row.expected)
    }

    @Test("Damage is reported as a defect", arguments: [
        Case("mbox From line", Array("From joe@x.de Sat Apr 21 00:00:00 2001\r\nSubject: x\r\n\r\nb".utf8), DefectKind.mboxFromLine),
        Case("byte order mark", [0xEF, 0xBB, 0xBF] + Array("Subject: x\r\n\r\nb".utf8), DefectKind.byteOrderMark),
        Case("NUL byte", Array("Subject: x\r\n\r\na\u{0}b".utf8), DefectKind.nulByte),
        Case("header line over 998 octets", Array(("Subject: " + String(repeating: "x", count: 1200) + "\r\n\r\nb").utf8), DefectKind.lineTooLong),
        Case("missing header/body separator", Array("Subject: x\r\nbody line\r\n".utf8), DefectKind.missingHeaderBodySeparator),
        Case("bad base64", Array("Content-Transfer-Encoding: base64\r\n\r\nYW*Jj".utf8), DefectKind.base64),
        Case("bad quoted-printable", Array("Content-Transfer-Encoding: quoted-printable\r\n\r\na=ZZ".utf8), DefectKind.quotedPrintable),
    ])
    func reportedDefect(_ row: Case<[UInt8], String>) {
        #expect(MessageParser.parse(row.input).hasDefect(row.expected))
    }

    @Test("The mbox line and BOM do not hide the header")
    func envelopeSkipped() {
        let message = MessageParser.parse([0xEF, 0xBB, 0xBF] + Array("From: Anna <anna@x.de>\r\nSubject: Hallo\r\n\r\nb".utf8))
        #expect(message.subject == "Hallo")
        #expect(message.from == [Mailbox(name: "Anna", address: "anna@x.de")])
    }

    @Test("Nesting deeper than the limit is cut off with its own defect, without recursion")
    func deepNesting() {
        let depth = ParseLimits.maxNestingDepth + 20
        var text = ""
        for level in 0..<depth { text += "Content-Type: multipart/mixed; boundary=b\(level)\r\n\r\n--b\(level)\r\n" }
        text += "Content-Type: text/plain\r\n\r\ndeep\r\n"
        for level in (0..<depth).reversed() { text += "--b\(level)--\r\n" }
        let message = MessageParser.parse(Array(text.utf8))
        #expect(message.hasDefect(DefectKind.nestingTooDeep))
        #expect(message.partContentTypes.count == ParseLimits.maxNestingDepth + 1)
    }

    @Test("More parts than the limit: the rest is ignored with its own defect")
    func tooManyParts() {
        var text = "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
        for _ in 0..<(ParseLimits.maxParts + 5) { text += "--b\r\n\r\nx\r\n" }
        text += "--b--\r\n"
        let message = MessageParser.parse(Array(text.utf8))
        #expect(message.hasDefect(DefectKind.tooManyParts))
        #expect(message.partContentTypes.count == ParseLimits.maxParts)
    }

    @Test("More header fields than the limit: the rest is ignored with its own defect")
    func tooManyFields() {
        let text = String(repeating: "X-A: b\r\n", count: ParseLimits.maxHeaderFields + 10) + "Subject: late\r\n\r\nbody"
        let message = MessageParser.parse(Array(text.utf8))
        #expect(message.hasDefect(DefectKind.tooManyHeaderFields))
        #expect(message.headers.count == ParseLimits.maxHeaderFields)
        #expect(message.textBody == "body")
    }

    @Test("A header block larger than the limit: the rest of the fields is ignored with its own defect")
    func headerTooLarge() {
        let filler = "X-Filler: " + String(repeating: "x", count: 990) + "\r\n"
        let count = ParseLimits.maxHeaderBytes / filler.utf8.count + 10
        let text = "Subject: early\r\n" + String(repeating: filler, count: count) + "From: late@x.de\r\n\r\nbody"
        let message = MessageParser.parse(Array(text.utf8))
        #expect(message.hasDefect(DefectKind.headerBlockTooLarge))
        #expect(message.subject == "early")
        #expect(message.from.isEmpty)
        #expect(message.textBody == "body")
    }

    static let garbage: [Case<[UInt8], Int>] = [
        Case("empty input", [], 0),
        Case("only CRLFs", Array("\r\n\r\n\r\n".utf8), 0),
        Case("a lone '=?'", Array("Subject: =?\r\n\r\n=".utf8), 0),
        Case("unterminated quoted string and comment", Array("From: \"abc (def\r\nTo: (a <b\r\n\r\n".utf8), 0),
        Case("truncated encoded-word", Array("Subject: =?utf-8?B?\r\n\r\n".utf8), 0),
        Case("unterminated RFC 2231 section", Array("Content-Type: text/plain; name*0*=utf-8'\r\n\r\n".utf8), 0),
        Case("boundary at the very end", Array("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b".utf8), 0),
        Case("all byte values", (0...255).map { UInt8($0) }, 0),
        Case("base64 with only padding", Array("Content-Transfer-Encoding: base64\r\n\r\n====".utf8), 0),
        Case("uuencode with a bad length", Array("Content-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 a\r\nM\r\nend\r\n".utf8), 0),
    ]

    @Test("Garbage parses without trapping", arguments: garbage)
    func garbageInput(_ row: Case<[UInt8], Int>) {
        let message = MessageParser.parse(row.input)
        #expect(message.partContentTypes.count >= 1 + row.expected)
    }
}
