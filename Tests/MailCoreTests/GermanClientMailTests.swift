import Testing
import MailCore

/// Whole messages as German customers' mail clients really send them.
@Suite("German mail from real clients")
struct GermanClientMailTests {
    @Test("Outlook: iso-8859-1 encoded-words, quoted-printable windows-1252 body, HTML alternative")
    func outlook() {
        let message = parsed("""
            From: =?iso-8859-1?Q?J=F6rg_M=FCller?= <joerg.mueller@example.de>
            To: "Support" <support@example-hosting.de>
            Subject: =?iso-8859-1?Q?St=F6rung_beim_Mailversand_=96_dringend?=
            Date: Mon, 3 Feb 2025 09:15:00 +0100
            Message-ID: <000001db7612$4a5b3c20$df0db460$@example.de>
            MIME-Version: 1.0
            Content-Type: multipart/alternative;
            \tboundary="----=_NextPart_000_0001_01DB761A.AC1FA420"
            X-Mailer: Microsoft Outlook 16.0
            Content-Language: de

            This is a multipart message in MIME format.

            ------=_NextPart_000_0001_01DB761A.AC1FA420
            Content-Type: text/plain;
            \tcharset="windows-1252"
            Content-Transfer-Encoding: quoted-printable

            Sehr geehrte Damen und Herren,

            seit heute fr=FCh k=F6nnen wir keine Mails versenden. Die Fehlermeldung =
            lautet =84550 5.7.1 Relaying denied=93.

            Mit freundlichen Gr=FC=DFen
            J=F6rg M=FCller

            ------=_NextPart_000_0001_01DB761A.AC1FA420
            Content-Type: text/html;
            \tcharset="windows-1252"
            Content-Transfer-Encoding: quoted-printable

            <html><body><p class=3DMsoNormal>Sehr geehrte Damen und Herren,</p></body></html>

            ------=_NextPart_000_0001_01DB761A.AC1FA420--
            """)
        #expect(message.subject == "Störung beim Mailversand – dringend")
        #expect(message.from == [Mailbox(name: "Jörg Müller", address: "joerg.mueller@example.de")])
        #expect(message.to == [Mailbox(name: "Support", address: "support@example-hosting.de")])
        #expect(message.messageID == "000001db7612$4a5b3c20$df0db460$@example.de")
        #expect(message.date.map(RFC5322Date.iso8601) == "2025-02-03T08:15:00Z")
        #expect(message.textBody?.contains("seit heute früh können wir keine Mails versenden. Die Fehlermeldung lautet „550 5.7.1 Relaying denied“.") == true)
        #expect(message.textBody?.contains("Mit freundlichen Grüßen\nJörg Müller") == true)
        #expect(message.htmlBody != nil)
        #expect(message.attachments.isEmpty)
        #expect(message.defects.isEmpty)
    }

    @Test("Thunderbird: UTF-8 base64 subject, format=flowed 8bit body, RFC 2231 PDF attachment")
    func thunderbird() {
        let message = parsed("""
            Message-ID: <5f1e2d3c-aaaa-bbbb-cccc-1234567890ab@example.org>
            Date: Tue, 4 Mar 2025 10:00:00 +0100
            MIME-Version: 1.0
            User-Agent: Mozilla Thunderbird
            Content-Language: de-DE
            To: support@example-hosting.de
            From: Anna Schmidt <anna@example.org>
            Subject: =?UTF-8?B?UmVjaG51bmcgZsO8ciBNw6RyeiBmZWhsZXJoYWZ0?=
            In-Reply-To: <ticket-4711@example-hosting.de>
            References: <ticket-4711@example-hosting.de>
            Content-Type: multipart/mixed; boundary="------------0aBcDeFgHiJkLmNoPqRsTuVw"

            This is a multi-part message in MIME format.
            --------------0aBcDeFgHiJkLmNoPqRsTuVw
            Content-Type: text/plain; charset=UTF-8; format=flowed
            Content-Transfer-Encoding: 8bit

            Hallo,

            die Rechnung für März ist doppelt abgebucht worden. Bitte prüfen Sie
            das.

            Grüße
            Anna

            --------------0aBcDeFgHiJkLmNoPqRsTuVw
            Content-Type: application/pdf; name="Kontoauszug =?UTF-8?Q?M=C3=A4rz=2Epdf?="
            Content-Disposition: attachment;
             filename*=UTF-8''Kontoauszug%20M%C3%A4rz.pdf
            Content-Transfer-Encoding: base64

            JVBERi0xLjQKJcOkw7zDtsOfCg==

            --------------0aBcDeFgHiJkLmNoPqRsTuVw--
            """)
        #expect(message.subject == "Rechnung für März fehlerhaft")
        #expect(message.inReplyTo == "ticket-4711@example-hosting.de")
        #expect(message.references == ["ticket-4711@example-hosting.de"])
        #expect(message.textBody?.contains("die Rechnung für März ist doppelt abgebucht worden.") == true)
        #expect(message.attachments == [Attachment(filename: "Kontoauszug März.pdf", contentType: "application/pdf", sizeBytesDecoded: 19)])
    }

    @Test("Apple Mail: quoted-printable UTF-8, HTML in multipart/related with an inline image")
    func appleMail() {
        let message = parsed("""
            From: Max Mustermann <max@icloud.com>
            Content-Type: multipart/alternative;
            \tboundary="Apple-Mail=_5B0F1C2D-1111-2222-3333-444455556666"
            Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3774.300.61.1.2\\))
            Subject: Domain =?utf-8?Q?=C3=BCbertragen?=
            Date: Wed, 5 Mar 2025 18:30:12 +0100
            To: support@example-hosting.de
            X-Mailer: Apple Mail (2.3774.300.61.1.2)


            --Apple-Mail=_5B0F1C2D-1111-2222-3333-444455556666
            Content-Transfer-Encoding: quoted-printable
            Content-Type: text/plain;
            \tcharset=utf-8

            Hallo,

            ich m=C3=B6chte meine Domain zu Ihnen =C3=BCbertragen.

            Viele Gr=C3=BC=C3=9Fe
            Max
            --Apple-Mail=_5B0F1C2D-1111-2222-3333-444455556666
            Content-Type: multipart/related;
            \ttype="text/html";
            \tboundary="Apple-Mail=_6C1A2B3C-7777-8888-9999-000011112222"


            --Apple-Mail=_6C1A2B3C-7777-8888-9999-000011112222
            Content-Transfer-Encoding: quoted-printable
            Content-Type: text/html;
            \tcharset=utf-8

            <html><body>Hallo,<br>ich m=C3=B6chte meine Domain =C3=BCbertragen.<img src=3D"cid:sig"></body></html>
            --Apple-Mail=_6C1A2B3C-7777-8888-9999-000011112222
            Content-Transfer-Encoding: base64
            Content-Disposition: inline;
            \tfilename=signatur.png
            Content-Type: image/png;
            \tname="signatur.png"
            Content-Id: <sig>

            iVBORw0KGgo=
            --Apple-Mail=_6C1A2B3C-7777-8888-9999-000011112222--

            --Apple-Mail=_5B0F1C2D-1111-2222-3333-444455556666--
            """)
        #expect(message.subject == "Domain übertragen")
        #expect(message.textBody?.contains("ich möchte meine Domain zu Ihnen übertragen.") == true)
        #expect(message.htmlBody.map(HTMLText.render) == "Hallo,\nich möchte meine Domain übertragen.")
        #expect(message.attachments == [Attachment(filename: "signatur.png", contentType: "image/png", sizeBytesDecoded: 8)])
    }

    @Test("Webmailer HTML-only mail in windows-1252 without a text part")
    func htmlOnly() {
        let body: [UInt8] = Array("<html><body><p>Sehr geehrte Damen und Herren,</p><p>unsere Website ist nicht erreichbar. Gr".utf8)
            + [0xFC, 0xDF] + Array("e</p></body></html>".utf8)
        let message = MessageParser.parse(Array("From: kunde@web.de\r\nSubject: Website down\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n".utf8) + body)
        #expect(message.textBody == nil)
        #expect(message.bodyText == "Sehr geehrte Damen und Herren,\n\nunsere Website ist nicht erreichbar. Grüße")
    }

    @Test("Phone mail: UTF-8 raw headers (RFC 6532) and an out-of-office auto-reply")
    func autoReply() {
        let message = MessageParser.parse(Array("""
            From: Büro Köhler <info@koehler.de>\r
            Subject: Abwesenheitsnotiz: Ihre Anfrage\r
            Auto-Submitted: auto-replied\r
            Precedence: auto_reply\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            Ich bin bis Montag nicht im Büro.\r

            """.utf8))
        #expect(message.from == [Mailbox(name: "Büro Köhler", address: "info@koehler.de")])
        #expect(message.autoSubmitted == "auto-replied")
        #expect(message.precedence == "auto_reply")
        #expect(message.textBody?.trimmingTrailingNewlines == "Ich bin bis Montag nicht im Büro.")
    }
}
