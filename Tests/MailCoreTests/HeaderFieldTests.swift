import Testing
import MailCore

@Suite("Header fields (RFC 5322 §2.2, §3.6)")
struct HeaderFieldTests {
    static let subjects: [Case<String, String?>] = [
        Case("RFC 5322 §2.2.3 unfolding: CRLF before WSP is removed", "Subject: Server\n  ist langsam\n\nx", "Server  ist langsam"),
        Case("RFC 5322 §2.2.3 unfolding with a tab", "Subject: a\n\tb\n\nx", "a\tb"),
        Case("RFC 5322 §3.6.5 absent Subject is null", "From: a@b.de\n\nx", nil),
        Case("RFC 5322 §3.6.5 empty Subject is empty", "Subject:\n\nx", ""),
        Case("RFC 5322 §3.6 repeated Subject: the first one counts", "Subject: eins\nSubject: zwei\n\nx", "eins"),
        Case("RFC 5322 §1.2.2 field names are case-insensitive", "SUBJECT: laut\n\nx", "laut"),
        Case("RFC 5322 §2.2 bare LF line ends", "Subject: nur LF\r\n".replacingOccurrences(of: "\r\n", with: "\n") + "\nx", "nur LF"),
        Case("RFC 2047 §4.2 Q encoding: underscore is space", "Subject: =?iso-8859-1?Q?St=F6rung_beim_Versand?=\n\nx", "Störung beim Versand"),
        Case("RFC 2047 §4.1 B encoding in UTF-8", "Subject: =?UTF-8?B?UmVjaG51bmcgZsO8ciBNw6Ryeg==?=\n\nx", "Rechnung für März"),
        Case("RFC 2047 §6.2 whitespace between adjacent encoded-words is dropped",
             "Subject: =?utf-8?Q?a?= =?utf-8?Q?b?=\n\nx", "ab"),
        Case("RFC 2047 §6.2 folded adjacent encoded-words", "Subject: =?utf-8?Q?Server?=\n =?utf-8?Q?_down?=\n\nx", "Server down"),
        Case("RFC 2047 §5 encoded-word mixed with text", "Subject: Re: =?iso-8859-1?Q?Gr=FC=DFe?= aus Berlin\n\nx", "Re: Grüße aus Berlin"),
        Case("RFC 2047 §2 two charsets in one header",
             "Subject: =?iso-8859-1?Q?St=F6rung?= beim =?utf-8?B?TWFpbA==?=\n\nx", "Störung beim Mail"),
        Case("RFC 2047 multibyte character split across two words decodes",
             "Subject: =?utf-8?Q?=E2=82?= =?utf-8?Q?=AC_100?=\n\nx", "€ 100"),
        Case("RFC 2047 split UTF-8 in B words", "Subject: =?utf-8?B?w7Y=?==?utf-8?B?w7Y=?=\n\nx", "öö"),
        Case("RFC 2231 §5 language suffix in an encoded-word charset", "Subject: =?utf-8*de?Q?St=C3=B6rung?=\n\nx", "Störung"),
        Case("RFC 2047 §2 lower-case encoding letter", "Subject: =?utf-8?q?gr=C3=BC=C3=9F?=\n\nx", "grüß"),
        Case("RFC 2047 unknown encoding letter stays as written", "Subject: =?utf-8?X?abc?=\n\nx", "=?utf-8?X?abc?="),
        Case("RFC 2047 unterminated encoded-word stays as written", "Subject: =?utf-8?Q?abc\n\nx", "=?utf-8?Q?abc"),
        Case("RFC 2047 ISO-2022-JP", "Subject: =?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=\n\nx", "テスト"),
        Case("RFC 2047 GB2312 read as GB18030", "Subject: =?gb2312?B?1tDOxA==?=\n\nx", "中文"),
        Case("GBK-only character labelled gb2312 decodes through the GB18030 superset",
             "Subject: =?gb2312?B?SGVyciCI0g==?=\n\nx", "Herr 堃"),
        Case("RFC 2047 KOI8-R", "Subject: =?koi8-r?B?8NLJ18XU?=\n\nx", "Привет"),
        Case("RFC 2047 windows-1252 euro sign", "Subject: =?windows-1252?Q?=80_100?=\n\nx", "€ 100"),
        Case("RFC 2047 ISO-8859-15 euro sign", "Subject: =?ISO-8859-15?Q?=A4uro?=\n\nx", "€uro"),
        Case("RFC 2047 ISO-8859-2", "Subject: =?iso-8859-2?Q?=B1?=\n\nx", "ą"),
        Case("RFC 2047 UTF-7", "Subject: =?utf-7?Q?Hi_+AOQ-?=\n\nx", "Hi ä"),
        Case("RFC 2047 UTF-16 with BOM", "Subject: =?utf-16?B?/v8AZgD8AHI=?=\n\nx", "für"),
        Case("RFC 2047 EUC-KR", "Subject: =?euc-kr?B?x9Gx2w==?=\n\nx", "한글"),
        Case("RFC 2047 Shift_JIS", "Subject: =?shift_jis?B?g2WDWINn?=\n\nx", "テスト"),
    ]

    @Test("Subject", arguments: subjects)
    func subject(_ row: Case<String, String?>) {
        #expect(parsed(row.input).subject == row.expected)
    }

    static let rawHeaders: [Case<[UInt8], String>] = [
        Case("RFC 6532 §3.2 raw UTF-8 in a header", Array("Subject: Störung\r\n\r\nx".utf8), "Störung"),
        Case("Raw Latin-1 in a header is guessed as windows-1252", [UInt8]("Subject: Gr".utf8) + [0xFC, 0xDF] + [UInt8]("e\r\n\r\nx".utf8), "Grüße"),
        Case("Raw windows-1252 quotes in a header", [UInt8]("Subject: ".utf8) + [0x84, 0x41, 0x93] + [UInt8]("\r\n\r\nx".utf8), "„A“"),
    ]

    @Test("Raw 8-bit header bytes", arguments: rawHeaders)
    func rawHeader(_ row: Case<[UInt8], String>) {
        #expect(MessageParser.parse(row.input).subject == row.expected)
    }

    @Test("RFC 5322 §3.6 header fields keep their order and repeats")
    func headerOrder() {
        let message = parsed("Received: one\nReceived: two\nX-Spam: yes\n\nx")
        #expect(message.headers.map(\.name) == ["Received", "Received", "X-Spam"])
        #expect(message.headerValues("received") == ["one", "two"])
    }

    static let collapsed: [Case<String, [String?]>] = [
        Case("RFC 3834 §5 Auto-Submitted raw value", "Auto-Submitted: auto-replied\nPrecedence: bulk\n\nx", ["auto-replied", "bulk"]),
        Case("Auto-Submitted with parameters and folding is whitespace-collapsed",
             "Auto-Submitted: auto-generated;\n   type=vacation\nPrecedence:   junk  \n\nx", ["auto-generated; type=vacation", "junk"]),
        Case("Absent Auto-Submitted and Precedence are null", "Subject: x\n\nx", [nil, nil]),
    ]

    @Test("Auto-Submitted and Precedence", arguments: collapsed)
    func autoSubmitted(_ row: Case<String, [String?]>) {
        let message = parsed(row.input)
        #expect([message.autoSubmitted, message.precedence] == row.expected)
    }

    static let messageIDs: [Case<String, [String?]>] = [
        Case("RFC 5322 §3.6.4 Message-ID without angle brackets in the output", "Message-ID: <abc@x.de>\n\nx", ["abc@x.de"]),
        Case("RFC 5322 §3.6.4 Message-ID written without brackets", "Message-ID: abc@x.de\n\nx", ["abc@x.de"]),
        Case("RFC 5322 §3.6.4 Message-ID with a comment", "Message-ID: <abc@x.de> (Outlook)\n\nx", ["abc@x.de"]),
        Case("RFC 5322 §4.5.4 In-Reply-To: the first msg-id", "In-Reply-To: <one@x> <two@x>\n\nx", [nil, "one@x"]),
        Case("RFC 5322 §4.5.4 obs-in-reply-to with a phrase", "In-Reply-To: Your message of Monday <one@x>\n\nx", [nil, "one@x"]),
    ]

    @Test("Message-ID and In-Reply-To", arguments: messageIDs)
    func messageID(_ row: Case<String, [String?]>) {
        let message = parsed(row.input)
        #expect(message.messageID == row.expected[0])
        if row.expected.count > 1 { #expect(message.inReplyTo == row.expected[1]) }
    }

    static let references: [Case<String, [String]>] = [
        Case("RFC 5322 §3.6.4 References in order", "References: <a@x> <b@x>\n <c@x>\n\nx", ["a@x", "b@x", "c@x"]),
        Case("RFC 5322 §3.6.4 References from every occurrence", "References: <a@x>\nReferences: <b@x>\n\nx", ["a@x", "b@x"]),
        Case("References without angle brackets", "References: a@x b@x\n\nx", ["a@x", "b@x"]),
        Case("References ids run together", "References: <a@x><b@x>\n\nx", ["a@x", "b@x"]),
        Case("Absent References", "Subject: x\n\nx", []),
    ]

    @Test("References", arguments: references)
    func referenceList(_ row: Case<String, [String]>) {
        #expect(parsed(row.input).references == row.expected)
    }
}
