import Testing
import MailCore

@Suite("MIME parameters and filenames (RFC 2045 §5.1, RFC 2183, RFC 2231, RFC 2047)")
struct ParameterTests {
    static let filenames: [Case<String, String?>] = [
        Case("RFC 2183 §2.3 quoted filename", "Content-Disposition: attachment; filename=\"Rechnung 2025.pdf\"", "Rechnung 2025.pdf"),
        Case("RFC 2183 unquoted filename", "Content-Disposition: attachment; filename=rechnung.pdf", "rechnung.pdf"),
        Case("RFC 2045 §5.1 name parameter of Content-Type", "Content-Type: application/pdf; name=\"vertrag.pdf\"", "vertrag.pdf"),
        Case("RFC 2183 filename wins over name",
             "Content-Type: application/pdf; name=\"a.pdf\"\nContent-Disposition: attachment; filename=\"b.pdf\"", "b.pdf"),
        Case("RFC 2231 §4 charset and percent-encoding", "Content-Disposition: attachment; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf",
             "Rechnung März.pdf"),
        Case("RFC 2231 §4 with a language", "Content-Disposition: attachment; filename*=iso-8859-1'de'R%E4chnung.pdf", "Rächnung.pdf"),
        Case("RFC 2231 §3 continuations", "Content-Disposition: attachment; filename*0=\"R\"; filename*1=\"e b.pdf\"", "Re b.pdf"),
        Case("RFC 2231 §4.1 encoded continuations mixed with plain",
             "Content-Disposition: attachment;\n filename*0*=utf-8''R%C3%A4ch;\n filename*1=nung.pdf", "Rächnung.pdf"),
        Case("RFC 2231 continuations out of order", "Content-Disposition: attachment; filename*1=\"b.pdf\"; filename*0=\"a\"", "ab.pdf"),
        Case("RFC 2047 encoded-word in a quoted name (Outlook)", "Content-Type: application/pdf; name=\"=?iso-8859-1?Q?R=E4chnung.pdf?=\"",
             "Rächnung.pdf"),
        Case("RFC 2047 encoded-words in a filename",
             "Content-Disposition: attachment; filename=\"=?UTF-8?Q?Rechnung_M=C3=A4rz=2Epdf?=\"", "Rechnung März.pdf"),
        Case("Raw UTF-8 filename", "Content-Disposition: attachment; filename=\"Prüfbericht.pdf\"", "Prüfbericht.pdf"),
        Case("Parameter names are case-insensitive", "Content-Disposition: ATTACHMENT; FileName=\"x.pdf\"", "x.pdf"),
        Case("Quoted-pair in a quoted filename", "Content-Disposition: attachment; filename=\"a\\\"b.pdf\"", "a\"b.pdf"),
        Case("No filename", "Content-Disposition: attachment", nil),
    ]

    @Test("Attachment filename", arguments: filenames)
    func filename(_ row: Case<String, String?>) {
        let headers = row.input.contains("Content-Type:") ? row.input : "Content-Type: application/octet-stream\n" + row.input
        let message = parsed("""
            Content-Type: multipart/mixed; boundary=b

            --b
            \(headers)

            data
            --b--
            """)
        #expect(message.attachments.count == 1)
        #expect(message.attachments.first?.filename == row.expected)
    }

    @Test("RFC 2045 §5.1 boundary parameter is case-sensitive and may be quoted")
    func boundaryCase() {
        let message = parsed("Content-Type: multipart/mixed;\n boundary=\"----=_Part_AbC\"\n\n------=_Part_AbC\n\nbody\n------=_Part_AbC--\n")
        #expect(message.textBody?.trimmingTrailingNewlines == "body")
        #expect(message.defects.isEmpty)
    }
}
