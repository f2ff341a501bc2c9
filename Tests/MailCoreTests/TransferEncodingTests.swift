import Testing
import MailCore

@Suite("Transfer encodings and charsets of bodies (RFC 2045 §6, RFC 2046 §4.1.2)")
struct TransferEncodingTests {
    static let bodies: [Case<[UInt8], String>] = [
        Case("RFC 2045 §6.8 base64", body("base64", "utf-8", "R3LDvMOfZSBhdXMgS8O2bG4="), "Grüße aus Köln"),
        Case("RFC 2045 §6.8 base64 split over lines", body("base64", "utf-8", "R3LDvMOfZSBh\r\ndXMgS8O2bG4="), "Grüße aus Köln"),
        Case("base64 without padding", body("base64", "us-ascii", "YWJjZA"), "abcd"),
        Case("base64 with garbage characters skipped", body("base64", "us-ascii", "YW*Jj!ZA==\r\n"), "abcd"),
        Case("base64 stops at the padding that ends a quantum", body("base64", "us-ascii", "YQ==YWJj"), "a"),
        Case("RFC 2045 §6.7 quoted-printable with soft line breaks",
             body("quoted-printable", "iso-8859-1", "Sehr geehrte Damen und Herren, unser Server ist seit heute fr=\r\n=FCh gest=F6rt."),
             "Sehr geehrte Damen und Herren, unser Server ist seit heute früh gestört."),
        Case("quoted-printable lower-case hex", body("quoted-printable", "utf-8", "Gr=c3=bc=c3=9fe"), "Grüße"),
        Case("quoted-printable bad escapes are kept literally", body("quoted-printable", "us-ascii", "a=ZZb=4"), "a=ZZb=4"),
        Case("quoted-printable soft break followed by trailing blanks", body("quoted-printable", "us-ascii", "ab=  \r\ncd"), "abcd"),
        Case("RFC 2045 §6.2 8bit UTF-8", body("8bit", "utf-8", "Störung"), "Störung"),
        Case("RFC 2045 §6.2 binary", body("binary", "utf-8", "Störung"), "Störung"),
        Case("Unknown transfer encoding is read as 8bit", body("x-foo", "utf-8", "Störung"), "Störung"),
        Case("Transfer encoding names are case-insensitive", body("Base64", "utf-8", "w7Y="), "ö"),
        Case("x-uuencode", body("x-uuencode", "us-ascii", "begin 644 a.txt\r\n#86)C\r\n`\r\nend"), "abc"),
        Case("RFC 2046 §4.1.2 windows-1252 body", [UInt8]("Content-Type: text/plain; charset=windows-1252\r\n\r\n".utf8) + [0x84, 0x47, 0x72, 0xFC, 0xDF, 0x65, 0x93, 0x20, 0x80], "„Grüße“ €"),
        Case("ISO-8859-1 body", [UInt8]("Content-Type: text/plain; charset=ISO-8859-1\r\n\r\n".utf8) + [0x47, 0x72, 0xFC, 0xDF, 0x65], "Grüße"),
        Case("WHATWG: iso-8859-1 is read as windows-1252 (Outlook)", [UInt8]("Content-Type: text/plain; charset=iso-8859-1\r\n\r\n".utf8) + [0x96, 0x80], "–€"),
        Case("ISO-8859-15 body", [UInt8]("Content-Type: text/plain; charset=iso-8859-15\r\n\r\n".utf8) + [0xA4], "€"),
        Case("Charset alias latin1", [UInt8]("Content-Type: text/plain; charset=latin1\r\n\r\n".utf8) + [0xE4], "ä"),
        Case("Charset alias utf8", [UInt8]("Content-Type: text/plain; charset=utf8\r\n\r\n".utf8) + Array("ä".utf8), "ä"),
        Case("us-ascii mislabelled, holding UTF-8", [UInt8]("Content-Type: text/plain; charset=us-ascii\r\n\r\n".utf8) + Array("Störung".utf8), "Störung"),
        Case("us-ascii mislabelled, holding Latin-1", [UInt8]("Content-Type: text/plain; charset=us-ascii\r\n\r\n".utf8) + [0x53, 0x74, 0xF6, 0x72], "Stör"),
        Case("No charset, 8-bit UTF-8", [UInt8]("Content-Type: text/plain\r\n\r\n".utf8) + Array("Grüße".utf8), "Grüße"),
        Case("unknown-8bit", [UInt8]("Content-Type: text/plain; charset=unknown-8bit\r\n\r\n".utf8) + [0xFC], "ü"),
        Case("x-unknown", [UInt8]("Content-Type: text/plain; charset=x-unknown\r\n\r\n".utf8) + Array("ü".utf8), "ü"),
        Case("A charset iconv does not know is guessed", [UInt8]("Content-Type: text/plain; charset=bogus-42\r\n\r\n".utf8) + Array("ü".utf8), "ü"),
        Case("Invalid UTF-8 labelled utf-8 is read as windows-1252", [UInt8]("Content-Type: text/plain; charset=utf-8\r\n\r\n".utf8) + [0xFC], "ü"),
        Case("Quoted charset value", [UInt8]("Content-Type: text/plain; charset=\"UTF-8\"\r\n\r\n".utf8) + Array("ü".utf8), "ü"),
        Case("KOI8-R body", [UInt8]("Content-Type: text/plain; charset=koi8-r\r\n\r\n".utf8) + [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], "Привет"),
        Case("Shift_JIS body", [UInt8]("Content-Type: text/plain; charset=shift_jis\r\n\r\n".utf8) + [0x83, 0x65, 0x83, 0x58, 0x83, 0x67], "テスト"),
        Case("UTF-16 body keeps its line breaks", [UInt8]("Content-Type: text/plain; charset=utf-16le\r\n\r\n".utf8) + [0x61, 0, 0x0D, 0, 0x0A, 0, 0x62, 0], "a\r\nb"),
        Case("CRLF in text becomes LF", body("8bit", "utf-8", "a\r\nb\rc"), "a\nb\nc"),
        Case("Invalid bytes in gb2312 resynchronise like Python's codec (strict EUC-CN first)",
             [UInt8]("Content-Type: text/plain; charset=gb2312\r\n\r\n".utf8) + [0xD3, 0xCA, 0xFF, 0xFE, 0xB9, 0xCA], "邮\u{FFFD}\u{FFFD}故"),
        Case("Bytes invalid in an iconv charset become U+FFFD", [UInt8]("Content-Type: text/plain; charset=iso-2022-jp\r\n\r\nabc".utf8) + [0x8C, 0x64],
             "abc\u{FFFD}d"),
        Case("An invalid last byte in an iconv charset", [UInt8]("Content-Type: text/plain; charset=ANSI_X3.4-1986\r\n\r\nabc".utf8) + [0x8C],
             "abc\u{FFFD}"),
    ]

    @Test("Text body", arguments: bodies)
    func textBody(_ row: Case<[UInt8], String>) {
        #expect(MessageParser.parse(row.input).textBody?.trimmingTrailingNewlines == row.expected)
    }

    static let sizes: [Case<(encoding: String, body: String), Int>] = [
        Case("RFC 2045 §6.8 base64 size", ("base64", "AAECAwQFBgcICQ==\r\n"), 10),
        Case("base64 size with CRLF line breaks", ("base64", "AAECAwQF\r\nBgcICQ==\r\n"), 10),
        Case("quoted-printable size", ("quoted-printable", "=00=01=02abc"), 6),
        Case("7bit size is the raw size", ("7bit", "abcdef"), 6),
        Case("x-uuencode size", ("x-uuencode", "begin 644 a.bin\r\n#86)C\r\n`\r\nend\r\n"), 3),
    ]

    @Test("Attachment size after removing the transfer encoding", arguments: sizes)
    func attachmentSize(_ row: Case<(encoding: String, body: String), Int>) {
        let message = parsed("""
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: application/octet-stream; name=file.bin
            Content-Transfer-Encoding: \(row.input.encoding)

            \(row.input.body)
            --b--
            """)
        #expect(message.attachments.first?.sizeBytesDecoded == row.expected)
    }

    private static func body(_ encoding: String, _ charset: String, _ content: String) -> [UInt8] {
        Array("Content-Type: text/plain; charset=\(charset)\r\nContent-Transfer-Encoding: \(encoding)\r\n\r\n\(content)".utf8)
    }
}
