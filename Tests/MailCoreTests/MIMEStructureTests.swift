import Testing
import MailCore

@Suite("MIME structure, body selection and attachments (RFC 2045, 2046, 2387)")
struct MIMEStructureTests {
    struct Expectation: Sendable {
        var text: String?
        var htmlPresent: Bool
        /// Attachments as "filename|type|size".
        var attachments: [String]
    }

    static let messages: [Case<String, Expectation>] = [
        Case("RFC 2045 §5.2 no Content-Type is text/plain", "Subject: x\n\nHallo", Expectation(text: "Hallo", htmlPresent: false, attachments: [])),
        Case("RFC 2046 §5.1.4 alternative: text and HTML bodies", """
            Content-Type: multipart/alternative; boundary="b"

            --b
            Content-Type: text/plain; charset=utf-8

            Text
            --b
            Content-Type: text/html; charset=utf-8

            <p>HTML</p>
            --b--
            """, Expectation(text: "Text", htmlPresent: true, attachments: [])),
        Case("RFC 2046 §5.1.1 preamble and epilogue are not parts", """
            Content-Type: multipart/mixed; boundary=o

            This is a multi-part message in MIME format.
            --o
            Content-Type: text/plain

            body
            --o--
            epilogue text
            """, Expectation(text: "body", htmlPresent: false, attachments: [])),
        Case("RFC 2046 §5.1.1 nested multiparts", """
            Content-Type: multipart/mixed; boundary=o

            --o
            Content-Type: multipart/alternative; boundary=i

            --i
            Content-Type: text/plain

            inner plain
            --i
            Content-Type: text/html

            <p>inner</p>
            --i--
            --o
            Content-Type: image/jpeg
            Content-Transfer-Encoding: base64

            /9j/4AAQ
            --o--
            """, Expectation(text: "inner plain", htmlPresent: true, attachments: ["nil|image/jpeg|6"])),
        Case("RFC 2046 §5.1.1 delimiter followed by spaces", "Content-Type: multipart/mixed; boundary=b\n\n--b  \n\nbody\n--b--  \n",
             Expectation(text: "body", htmlPresent: false, attachments: [])),
        Case("RFC 2387 §3.2 related: the root named by start", """
            Content-Type: multipart/related; boundary=b; start="<root@x>"

            --b
            Content-Type: text/plain

            not root
            --b
            Content-Type: text/html
            Content-ID: <root@x>

            <b>root</b>
            --b--
            """, Expectation(text: nil, htmlPresent: true, attachments: [])),
        Case("RFC 2387 related without start: the first part is the root", """
            Content-Type: multipart/related; boundary=b

            --b
            Content-Type: text/html

            <b>root</b>
            --b
            Content-Type: image/png; name="logo.png"
            Content-ID: <logo>
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --b--
            """, Expectation(text: nil, htmlPresent: true, attachments: ["logo.png|image/png|8"])),
        Case("RFC 2046 §5.1.5 digest parts default to message/rfc822", """
            Content-Type: multipart/digest; boundary=d

            --d

            From: x@y
            Subject: one

            msg one
            --d
            Content-Type: text/plain

            plain in digest
            --d--
            """, Expectation(text: "plain in digest", htmlPresent: false, attachments: ["nil|message/rfc822|34"])),
        Case("RFC 2046 §5.2.1 message/rfc822 is one attachment, its body is not searched", """
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: message/rfc822

            From: x@y
            Subject: inner

            inner body
            --b--
            """, Expectation(text: nil, htmlPresent: false, attachments: ["nil|message/rfc822|39"])),
        Case("RFC 2183 a text/plain with disposition attachment is never the body", """
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain
            Content-Disposition: attachment

            att
            --b
            Content-Type: text/plain

            real body
            --b--
            """, Expectation(text: "real body", htmlPresent: false, attachments: ["nil|text/plain|3"])),
        Case("Named text part is an attachment; unnamed inline extra text is neither", """
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain

            body
            --b
            Content-Type: text/plain; name=log.txt

            log line
            --b
            Content-Type: text/plain

            unnamed second
            --b--
            """, Expectation(text: "body", htmlPresent: false, attachments: ["log.txt|text/plain|8"])),
        Case("Unused alternative rendering (text/enriched) is not an attachment", """
            Content-Type: multipart/alternative; boundary=b

            --b
            Content-Type: text/enriched

            <bold>x</bold>
            --b
            Content-Type: text/plain

            plain
            --b--
            """, Expectation(text: "plain", htmlPresent: false, attachments: [])),
        Case("Top-level single-part PDF is an attachment", "Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERg==\n",
             Expectation(text: nil, htmlPresent: false, attachments: ["nil|application/pdf|4"])),
        Case("Invalid Content-Type is text/plain", "Content-Type: text\n\nHallo", Expectation(text: "Hallo", htmlPresent: false, attachments: [])),
        Case("Content-Type is case-insensitive", "Content-Type: TEXT/HTML; CHARSET=UTF-8\n\n<p>x</p>",
             Expectation(text: nil, htmlPresent: true, attachments: [])),
        Case("Missing close delimiter: the last part runs to the end", """
            Content-Type: multipart/mixed; boundary=zz

            --zz
            Content-Type: text/plain

            body one
            --zz
            Content-Type: text/csv; name=a.csv

            a,b
            """, Expectation(text: "body one", htmlPresent: false, attachments: ["a.csv|text/csv|3"])),
        Case("Boundary parameter that does not match the body: the body's delimiter is used", """
            Content-Type: multipart/alternative; boundary="wrong"

            --right
            Content-Type: text/plain

            recovered
            --right--
            """, Expectation(text: "recovered", htmlPresent: false, attachments: [])),
        Case("Multipart without boundary parameter is read as text", "Content-Type: multipart/mixed\n\njust text",
             Expectation(text: "just text", htmlPresent: false, attachments: [])),
        Case("A boundary-like line with extra text is not a delimiter", """
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain

            --bx is not a delimiter
            --b--
            """, Expectation(text: "--bx is not a delimiter", htmlPresent: false, attachments: [])),
        Case("Two delimiter lines in a row make no empty part", """
            Content-Type: multipart/mixed; boundary=ABCDE

            --ABCDE
            --ABCDE
            Content-Type: text/x-two

            Blah
            --ABCDE--
            """, Expectation(text: nil, htmlPresent: false, attachments: ["nil|text/x-two|4"])),
        Case("Nested multipart reusing its parent's boundary is empty; the parts stay with the parent", """
            Content-Type: multipart/mixed; boundary="same"

            --same
            Content-Type: multipart/alternative; boundary="same"


            --same
            Content-Type: text/plain

            Some text.
            --same
            Content-Type: text/html

            <p>Some text.</p>
            --same--
            """, Expectation(text: "Some text.", htmlPresent: true, attachments: ["nil|multipart/alternative|0"])),
    ]

    @Test("Body selection and attachments", arguments: messages)
    func structure(_ row: Case<String, Expectation>) {
        let message = parsed(row.input)
        #expect(message.textBody?.trimmingTrailingNewlines == row.expected.text)
        #expect((message.htmlBody != nil) == row.expected.htmlPresent)
        let attachments = message.attachments.map { "\($0.filename ?? "nil")|\($0.contentType)|\($0.sizeBytesDecoded.map(String.init) ?? "nil")" }
        #expect(attachments == row.expected.attachments)
    }

    @Test("Defects name what was recovered", arguments: [
        Case("missing close delimiter", "Content-Type: multipart/mixed; boundary=b\n\n--b\n\nx\n", DefectKind.missingCloseBoundary),
        Case("mismatched boundary", "Content-Type: multipart/mixed; boundary=b\n\n--c\n\nx\n--c--\n", DefectKind.mismatchedBoundary),
        Case("no boundary parameter", "Content-Type: multipart/mixed\n\nx\n", DefectKind.noBoundary),
        Case("boundary nowhere in the body", "Content-Type: multipart/mixed; boundary=b\n\nplain text\n", DefectKind.boundaryNotFound),
        Case("invalid Content-Type", "Content-Type: garbage\n\nx\n", DefectKind.invalidContentType),
    ])
    func defects(_ row: Case<String, String>) {
        #expect(parsed(row.input).hasDefect(row.expected))
    }

    @Test("Part content types are listed depth first")
    func partTypes() {
        let message = parsed("""
            Content-Type: multipart/report; report-type=delivery-status; boundary=r

            --r
            Content-Type: text/plain

            Delivery failed
            --r
            Content-Type: message/delivery-status

            Status: 5.1.1
            --r--
            """)
        #expect(message.contentType == "multipart/report")
        #expect(message.partContentTypes == ["multipart/report", "text/plain", "message/delivery-status"])
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.last == "\n" || text.last == "\r\n" { text.removeLast() }
        return text
    }
}
