#!/usr/bin/env python3
"""Writes the parser's golden-file fixtures (Tests/MailCoreTests/Fixtures/*.eml).

Each fixture is a message as a real client or a broken one sends it, byte for byte. The expected
.json files beside them are generated once by scripts/parse-reference.py and then reviewed by hand
(see Fixtures/README.md); this script never touches them.

usage: scripts/make-parse-fixtures.py [OUTPUT_DIR]
"""
import base64
import binascii
import os
import quopri
import sys

FIXTURES = {}
DEFAULT_FROM = "Kunde <kunde@example.de>"
DEFAULT_TO = "support@webhost.example"


def b(text, charset="utf-8"):
    return text.encode(charset) if isinstance(text, str) else text


def crlf(data):
    """Normalises to CRLF, as mail is sent on the wire."""
    data = b(data)
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def message(headers, body, defaults=True, eol="\r\n"):
    """Joins header lines and a body. Header lines are bytes or str (UTF-8) and may contain folds."""
    lines = [b(h) for h in headers]
    names = {h.split(b":", 1)[0].strip().lower() for h in lines if b":" in h}
    if defaults:
        extra = []
        if b"from" not in names:
            extra.append(b"From: " + b(DEFAULT_FROM))
        if b"to" not in names:
            extra.append(b"To: " + b(DEFAULT_TO))
        if b"date" not in names:
            extra.append(b"Date: Mon, 02 Nov 2026 09:15:00 +0100")
        if b"message-id" not in names:
            extra.append(b"Message-ID: <fixture-" + str(len(FIXTURES) + 1).encode() + b"@example.de>")
        lines = extra + lines
    raw = b"\n".join(lines) + b"\n\n" + b(body)
    if eol == "\r\n":
        return crlf(raw)
    return raw


def add(name, data):
    if name in FIXTURES:
        raise SystemExit("duplicate fixture " + name)
    FIXTURES[name] = data


def ew(text, charset="utf-8", enc="Q"):
    """An RFC 2047 encoded-word."""
    raw = text.encode(charset) if isinstance(text, str) else text
    if enc.upper() == "B":
        return "=?%s?%s?%s?=" % (charset, enc, base64.b64encode(raw).decode())
    out = ""
    for byte in raw:
        c = chr(byte)
        if c == " ":
            out += "_"
        elif c.isalnum() and byte < 128:
            out += c
        else:
            out += "=%02X" % byte
    return "=?%s?%s?%s?=" % (charset, enc, out)


def b64(data, width=76):
    encoded = base64.b64encode(b(data)).decode()
    return "\n".join(encoded[i:i + width] for i in range(0, len(encoded), width)) + "\n"


def qp(data):
    return quopri.encodestring(b(data)).decode("ascii")


def part(headers, body):
    return b("\n".join(headers)) + b"\n\n" + b(body)


def multipart(boundary, parts, preamble="", epilogue=""):
    out = b(preamble)
    for p in parts:
        out += b"--" + b(boundary) + b"\n" + b(p) + b"\n"
    out += b"--" + b(boundary) + b"--\n" + b(epilogue)
    return out


PDF = b"%PDF-1.4\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes((i * 7) % 256 for i in range(1500))
GERMAN = "Hallo,\n\nseit heute Morgen haben wir eine Störung beim Mailabruf.\nDie Größe des Postfachs ist 2 GB.\n\nViele Grüße\nJürgen Müller\n"
GERMAN_HTML = "<html><body><p>Hallo,</p><p>seit heute Morgen haben wir eine <b>Störung</b> beim Mailabruf.<br>Die Größe des Postfachs ist 2 GB.</p><p>Viele Grüße<br>Jürgen Müller</p></body></html>\n"

# ---------------------------------------------------------------- headers (RFC 5322 §2.2, §3.6)
add("h-fold-subject-tab", message([
    "Subject: Anfrage zu meinem Vertrag\n\tund der Rechnung vom\n    Oktober"], "Text.\n"))
add("h-fold-address-list", message([
    "To: Anna Schmidt <anna@example.de>,\n Bernd Meier <bernd@example.de>,\n\t\"Carla Weber\" <carla@example.de>",
    "Subject: Verteiler"], "Text.\n"))
add("h-repeated-subject-first-wins", message([
    "Subject: Erster Betreff", "Subject: Zweiter Betreff", "Message-ID: <first@example.de>",
    "Message-ID: <second@example.de>"], "Zwei Betreffzeilen.\n"))
add("h-repeated-to-cc-concatenated", message([
    "To: a@example.de", "Cc: c1@example.de", "To: B <b@example.de>", "Cc: c2@example.de, c3@example.de",
    "Subject: Mehrfach"], "Text.\n"))
add("h-raw-utf8-headers", message([
    "From: Jürgen Müller <juergen@example.de>", "Subject: Störung: Größe des Postfachs",
    "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"], GERMAN))
add("h-raw-latin1-headers", message([
    "From: J\xfcrgen M\xfcller <juergen@example.de>".encode("latin-1"),
    "Subject: St\xf6rung beim Abruf".encode("latin-1"),
    "Content-Type: text/plain; charset=iso-8859-1", "Content-Transfer-Encoding: 8bit"],
    GERMAN.encode("latin-1")))
add("h-raw-cp1252-headers", message([
    "Subject: \u201eDringend\u201c \u2013 Rechnung \u20ac 12".encode("cp1252"),
    "Content-Type: text/plain; charset=windows-1252", "Content-Transfer-Encoding: 8bit"],
    "Bitte \u201epr\u00fcfen\u201c: 12 \u20ac.\n".encode("cp1252")))
add("h-whitespace-before-colon-and-junk-line", message([
    "Subject : Leerzeichen vor dem Doppelpunkt", "Dies ist keine Kopfzeile", "X-Mailer: Altes Skript 1.0"],
    "Text.\n"))
add("h-header-only-no-body", crlf(b"From: a@example.de\nTo: b@example.de\nSubject: Nur Kopf\nDate: Mon, 02 Nov 2026 09:15:00 +0100\n"))
add("h-long-header-line-over-998", message([
    "Subject: " + "Sehr lang " * 120, "X-Long: " + "x" * 2000], "Text.\n"))

# ---------------------------------------------------------------- encoded-words (RFC 2047)
add("ew-q-iso-8859-1", message(["Subject: " + ew("Störung beim Mailabruf", "iso-8859-1"),
                                "From: " + ew("Jürgen Müller", "iso-8859-1") + " <juergen@example.de>"], "Text.\n"))
add("ew-b-iso-8859-1", message(["Subject: " + ew("Größe des Postfachs", "ISO-8859-1", "B")], "Text.\n"))
add("ew-q-iso-8859-15-euro", message(["Subject: " + ew("Rechnung über 12 € offen", "iso-8859-15")], "Text.\n"))
add("ew-b-iso-8859-2", message(["Subject: " + ew("Žluťoučký kůň úpěl ďábelské ódy", "iso-8859-2", "B"),
                                "From: " + ew("Łukasz Żółć", "iso-8859-2") + " <lukasz@example.pl>"], "Text.\n"))
add("ew-q-windows-1252", message(["Subject: " + ew("„Dringend“ – Zugang gesperrt", "windows-1252")], "Text.\n"))
add("ew-b-windows-1251", message(["Subject: " + ew("Проблема с почтой", "windows-1251", "B"),
                                  "From: " + ew("Иван Петров", "windows-1251", "B") + " <ivan@example.ru>"], "Text.\n"))
add("ew-b-koi8-r", message(["Subject: " + ew("Не работает сайт", "koi8-r", "B")], "Text.\n"))
add("ew-b-iso-2022-jp", message(["Subject: " + ew("メールが届きません", "iso-2022-jp", "B"),
                                 "From: " + ew("山田太郎", "ISO-2022-JP", "B") + " <yamada@example.jp>"], "Text.\n"))
add("ew-b-shift-jis", message(["Subject: " + ew("サーバーの問題", "shift_jis", "B")], "Text.\n"))
add("ew-b-gb2312", message(["Subject: " + ew("邮件服务器故障", "gb2312", "B")], "Text.\n"))
add("ew-b-euc-kr", message(["Subject: " + ew("메일 서버 문제", "euc-kr", "B")], "Text.\n"))
add("ew-q-utf-7", message(["Subject: =?utf-7?Q?St+APY-rung_beim_Abruf?="], "Text.\n"))
add("ew-b-utf-16", message(["Subject: " + ew("Größe €", "utf-16", "B")], "Text.\n"))
add("ew-adjacent-joined", message([
    "Subject: " + ew("Stö", "utf-8") + " " + ew("rung", "utf-8") + "\n " + ew(" im Netz", "iso-8859-1")], "Text.\n"))
add("ew-adjacent-split-multibyte", message([
    "Subject: =?UTF-8?B?U3TD?= =?UTF-8?B?tnJ1bmc=?="], "Ein Umlaut über zwei Wörter geteilt.\n"))
add("ew-mixed-with-plain-text", message([
    "Subject: AW: " + ew("Größe", "utf-8") + " des Postfachs (" + ew("Grüße", "iso-8859-1", "B") + ")"], "Text.\n"))
add("ew-broken-unterminated", message(["Subject: =?utf-8?q?St=C3=B6rung_ohne_Ende"], "Text.\n"))
add("ew-broken-bad-base64", message(["Subject: =?utf-8?B?U3TDtnJ1bmc*#?= danach"], "Text.\n"))
add("ew-unknown-charset", message(["Subject: =?x-unbekannt?Q?Hallo_Welt?="], "Text.\n"))
add("ew-lowercase-q-underscore", message(["Subject: =?utf-8?q?gr=c3=bc=c3=9fe_aus_k=c3=b6ln?="], "Text.\n"))
add("ew-glued-to-text", message(["Subject: Re:=?utf-8?Q?St=C3=B6rung?=jetzt"], "Text.\n"))
add("ew-outlook-long-folded", message([
    "Subject: =?utf-8?B?" + base64.b64encode("Störung beim Abruf der E-Mails seit ".encode()).decode() + "?=\n =?utf-8?B?"
    + base64.b64encode("Montag – Größe überschritten?".encode()).decode() + "?="], "Text.\n"))
add("ew-in-quoted-display-name", message([
    'From: "=?utf-8?Q?M=C3=BCller=2C_Hans?=" <hans.mueller@example.de>', "Subject: Name in Anführung"], "Text.\n"))
add("ew-language-tag-rfc2231", message(["Subject: =?iso-8859-1*de?Q?Gr=FC=DFe?="], "Text.\n"))

# ---------------------------------------------------------------- addresses (RFC 5322 §3.4)
add("a-group-with-members", message([
    "To: Technik: anna@example.de, \"Bernd M.\" <bernd@example.de>;, carla@example.de",
    "Subject: Gruppe"], "Text.\n"))
add("a-empty-group", message(["To: undisclosed-recipients:;", "Cc: Leer:;, chef@example.de", "Subject: Leere Gruppe"], "Text.\n"))
add("a-quoted-name-with-comma", message([
    'From: "Mueller, Hans (IT)" <hans@example.de>', 'To: "support@webhost.example" <support@webhost.example>',
    "Subject: Komma im Namen"], "Text.\n"))
add("a-encoded-names", message([
    "From: " + ew("Jürgen Müller", "iso-8859-1") + " <juergen@example.de>",
    "To: " + ew("Größe GmbH", "utf-8", "B") + " <info@groesse.example>, " + ew("Zoë", "utf-8") + " <zoe@example.fr>",
    "Subject: Kodierte Namen"], "Text.\n"))
add("a-comments", message([
    "From: hans@example.de (Hans Meier)", "To: support@webhost.example (Kundendienst), (Kommentar) anna@example.de",
    "Cc: Bernd (Buchhaltung) <bernd@example.de>", "Subject: Kommentare"], "Text.\n"))
add("a-missing-at", message([
    "From: MAILER-DAEMON", "To: postmaster, anna@example.de", "Subject: Ohne at"], "Text.\n"))
add("a-angle-only-and-bare", message([
    "From: <nur.klammer@example.de>", "To: bare@example.de", "Reply-To: Antwort hier <antwort@example.de>",
    "Subject: Formen"], "Text.\n"))
add("a-escaped-quotes-in-name", message([
    'From: "Hans \\"der Admin\\" Meier" <admin@example.de>', "Subject: Escapes"], "Text.\n"))
add("a-trailing-and-empty-entries", message([
    "To: a@example.de, , b@example.de,", "Cc: ,c@example.de", "Subject: Leere Eintraege"], "Text.\n"))
add("a-obsolete-route-and-ip-literal", message([
    "To: <@relay.example.net:route@example.de>, literal@[192.0.2.10]", "Subject: Alte Formen"], "Text.\n"))
add("a-unquoted-dots-and-umlaut-name", message([
    "From: Dr. Hans M. Meier <hans@example.de>", "To: Jürgen Müller <juergen@example.de>", "Subject: Punkte"], "Text.\n"))
add("a-uppercase-and-idn-domain", message([
    "From: Kunde <Kunde@Müller-Bau.DE>", "To: SUPPORT@WEBHOST.EXAMPLE", "Subject: IDN"], "Text.\n"))

# ---------------------------------------------------------------- message ids (RFC 5322 §3.6.4)
add("id-references-long-folded", message([
    "Subject: Re: Re: Frage", "In-Reply-To: <c3@example.de>",
    "References: <a1@example.de>\n <b2@example.de>\n\t<c3@example.de>"], "Antwort.\n"))
add("id-in-reply-to-several", message([
    "Subject: Re: zwei", "In-Reply-To: <erste@example.de> <zweite@example.de>"], "Text.\n"))
add("id-without-brackets", message([
    "Message-ID: ohne-klammern@example.de", "In-Reply-To: auch-ohne@example.de", "Subject: Ohne Klammern"], "Text.\n"))
add("id-references-with-comments-and-junk", message([
    "Subject: Re: Kommentare", "In-Reply-To: <id1@example.de> (Kommentar von Hans)",
    "References: <id0@example.de> (alt) <id1@example.de>"], "Text.\n"))
add("id-repeated-references", message([
    "Subject: Re: doppelt", "References: <r1@example.de>", "References: <r2@example.de> <r3@example.de>"], "Text.\n"))
add("id-outlook-in-reply-to-with-name", message([
    "Subject: AW: Anfrage", "In-Reply-To: <AM0PR07MB1234ABCD@AM0PR07MB1234.eurprd07.prod.outlook.com>",
    "Message-ID: <AM0PR07MB5678EFGH@AM0PR07MB5678.eurprd07.prod.outlook.com>"], "Text.\n"))

# ---------------------------------------------------------------- dates (RFC 5322 §3.3, §4.3)
for name, value in [
    ("d-standard", "Tue, 03 Nov 2026 14:05:09 +0100"),
    ("d-obsolete-zone-names", "Tue, 3 Nov 2026 14:05:09 EST"),
    ("d-gmt-zone", "3 Nov 2026 13:05:09 GMT"),
    ("d-two-digit-year", "Tue, 3 Nov 26 14:05:09 +0100"),
    ("d-no-weekday-no-seconds", "3 Nov 2026 14:05 +0100"),
    ("d-minus-0000", "Tue, 03 Nov 2026 14:05:09 -0000"),
    ("d-missing-zone", "Tue, 03 Nov 2026 14:05:09"),
    ("d-odd-zone-offset", "Tue, 03 Nov 2026 14:05:09 +0545"),
    ("d-comment-and-extra-space", "Tue,  3 Nov 2026  14:05:09  +0100 (CET)"),
    ("d-unparseable", "gestern Nachmittag"),
    ("d-german-month", "Di, 03 Mär 2026 14:05:09 +0100"),
    ("d-iso-8601", "2026-11-03T14:05:09+01:00"),
]:
    add(name, message(["Date: " + value, "Subject: Datum " + name[2:]], "Text.\n"))
add("d-absent", message(["Subject: Kein Datum", "From: a@example.de", "To: b@example.de", "Message-ID: <nodate@example.de>",
                         "Date: placeholder"], "Text.\n").replace(b"Date: placeholder\r\n", b""))

# ---------------------------------------------------------------- MIME structure (RFC 2045, 2046)
add("m-nested-mixed-alternative-attachment", message([
    "Subject: Verschachtelt", "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="outer"'],
    multipart("outer", [
        part(['Content-Type: multipart/alternative; boundary="inner"'], multipart("inner", [
            part(["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable"], qp(GERMAN)),
            part(["Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: quoted-printable"], qp(GERMAN_HTML)),
        ])),
        part(['Content-Type: application/pdf; name="Rechnung.pdf"', 'Content-Disposition: attachment; filename="Rechnung.pdf"',
              "Content-Transfer-Encoding: base64"], b64(PDF)),
    ], preamble="This is a multi-part message in MIME format.\n")))
add("m-forwarded-message-rfc822", message([
    "Subject: WG: Fehlermeldung", "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="fwd"'],
    multipart("fwd", [
        part(["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"],
             "Siehe unten, die weitergeleitete Nachricht.\n"),
        part(["Content-Type: message/rfc822", 'Content-Disposition: inline'],
             message(["From: Server <root@server.example>", "Subject: Fehler", "Content-Type: text/plain"],
                     "Der innere Text ist nicht der Body.\n", eol="\n")),
    ])))
add("m-forwarded-message-only", message([
    "Subject: Fwd: nur die Nachricht", "MIME-Version: 1.0", "Content-Type: message/rfc822"],
    message(["From: innen@example.de", "Subject: Innen"], "Innerer Text.\n", eol="\n")))
add("m-related-without-start", message([
    "Subject: Bild im Text", "MIME-Version: 1.0", 'Content-Type: multipart/related; boundary="rel"; type="text/html"'],
    multipart("rel", [
        part(["Content-Type: text/html; charset=utf-8"], '<p>Hier der Fehler:<img src="cid:bild1@example.de"></p>\n'),
        part(["Content-Type: image/png", "Content-ID: <bild1@example.de>", "Content-Transfer-Encoding: base64"], b64(PNG)),
        part(["Content-Type: text/plain; charset=utf-8"], "Dieser Text ist nicht die Wurzel.\n"),
    ])))
add("m-related-with-start", message([
    "Subject: Start-Parameter", "MIME-Version: 1.0",
    'Content-Type: multipart/related; boundary="rel2"; start="<root@example.de>"; type="multipart/alternative"'],
    multipart("rel2", [
        part(["Content-Type: image/gif", "Content-ID: <bild@example.de>", "Content-Transfer-Encoding: base64"],
             b64(b"GIF89a" + bytes(100))),
        part(['Content-Type: multipart/alternative; boundary="alt2"', "Content-ID: <root@example.de>"], multipart("alt2", [
            part(["Content-Type: text/plain; charset=utf-8"], "Der Text der Wurzel.\n"),
            part(["Content-Type: text/html; charset=utf-8"], "<p>Der Text der Wurzel.</p>\n"),
        ])),
    ])))
add("m-digest-default-type", message([
    "Subject: Digest", "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="d0"'],
    multipart("d0", [
        part(["Content-Type: text/plain"], "Inhalt des Digests unten.\n"),
        part(['Content-Type: multipart/digest; boundary="dig"'], multipart("dig", [
            part([], message(["From: eins@example.de", "Subject: Eins"], "Eins.\n", defaults=False, eol="\n")),
            part([], message(["From: zwei@example.de", "Subject: Zwei"], "Zwei.\n", defaults=False, eol="\n")),
            part(["Content-Type: text/plain"], "Ausdrücklich Text.\n"),
        ])),
    ])))
add("m-multipart-missing-boundary-param", message([
    "Subject: Ohne boundary", "MIME-Version: 1.0", "Content-Type: multipart/mixed"],
    "--x\nContent-Type: text/plain\n\nText ohne erklärte Grenze.\n--x--\n"))
add("m-multipart-mismatched-boundary", message([
    "Subject: Falsche Grenze", "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="erklaert"'],
    multipart("andere", [part(["Content-Type: text/plain"], "Text hinter einer anderen Grenze.\n")])))
add("m-multipart-no-closing-boundary", message([
    "Subject: Kein Ende", "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="offen"'],
    b"--offen\nContent-Type: text/plain; charset=utf-8\n\nErster Teil.\n--offen\nContent-Type: application/octet-stream; name=\"daten.bin\"\n"
    b"Content-Transfer-Encoding: base64\n\n" + b64(bytes(300)).encode()))
add("m-preamble-and-epilogue", message([
    "Subject: Praeambel", "MIME-Version: 1.0", "Content-Type: multipart/alternative; boundary=simple"],
    multipart("simple", [
        part(["Content-Type: text/plain; charset=us-ascii"], "Der eigentliche Text.\n"),
        part(["Content-Type: text/html; charset=us-ascii"], "<p>Der eigentliche Text.</p>\n"),
    ], preamble="Dies ist die Praeambel, kein Text.\n\n", epilogue="Dies ist der Epilog.\n")))
add("m-boundary-prefix-of-inner", message([
    "Subject: Grenzen mit Praefix", "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="abc"'],
    multipart("abc", [
        part(['Content-Type: multipart/alternative; boundary="abcdef"'], multipart("abcdef", [
            part(["Content-Type: text/plain"], "Innen.\n"),
            part(["Content-Type: text/html"], "<p>Innen.</p>\n"),
        ])),
        part(['Content-Type: text/csv; name="liste.csv"'], "a;b\n1;2\n"),
    ])))
add("m-boundary-with-trailing-space", message([
    "Subject: Leerzeichen nach Grenze", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"sp ace\""],
    b"--sp ace   \nContent-Type: text/plain\n\nText.\n--sp ace--  \n"))
add("m-alternative-text-enriched", message([
    "Subject: Enriched", "MIME-Version: 1.0", 'Content-Type: multipart/alternative; boundary="en"'],
    multipart("en", [
        part(["Content-Type: text/plain"], "Schlichter Text.\n"),
        part(["Content-Type: text/enriched"], "<bold>Schlichter</bold> Text.\n"),
    ])))
add("m-second-inline-text-part", message([
    "Subject: Zwei Textteile", "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="two"'],
    multipart("two", [
        part(["Content-Type: text/plain; charset=utf-8"], "Erster Teil ist der Body.\n"),
        part(["Content-Type: text/plain; charset=utf-8", "Content-Disposition: inline"], "Zweiter Teil (Signatur).\n"),
        part(['Content-Type: text/plain; charset=utf-8; name="log.txt"'], "Protokoll.\n"),
    ])))
add("m-html-only", message([
    "Subject: Nur HTML", "MIME-Version: 1.0", "Content-Type: text/html; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable"], qp(GERMAN_HTML)))
add("m-html-only-in-mixed-with-attachment", message([
    "Subject: HTML mit Anhang", "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="h"'],
    multipart("h", [
        part(["Content-Type: text/html; charset=iso-8859-1", "Content-Transfer-Encoding: quoted-printable"],
             qp(GERMAN_HTML.encode("latin-1"))),
        part(['Content-Type: image/jpeg; name="foto.jpg"', "Content-Transfer-Encoding: base64"], b64(bytes(2000))),
    ])))
add("m-report-delivery-status", message([
    "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>", "Subject: Undelivered Mail Returned to Sender",
    "Auto-Submitted: auto-replied", "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="bounce"'],
    multipart("bounce", [
        part(["Content-Description: Notification", "Content-Type: text/plain; charset=us-ascii"],
             "This is the mail system at host mx.example.net.\n\nI'm sorry to have to inform you that your message could not\nbe delivered.\n"),
        part(["Content-Description: Delivery report", "Content-Type: message/delivery-status"],
             "Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; weg@example.de\nAction: failed\nStatus: 5.1.1\n"),
        part(["Content-Description: Undelivered Message", "Content-Type: message/rfc822"],
             message(["From: support@webhost.example", "To: weg@example.de", "Subject: Ihre Anfrage"], "Text.\n", eol="\n")),
    ])))
add("m-only-part-is-attachment", message([
    "Subject: Nur Anhang", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
    'Content-Disposition: attachment; filename="notiz.txt"'], "Notiz als Anhang.\n"))
add("m-no-content-type", message(["Subject: Kein Content-Type"], "Einfacher Text ohne MIME.\n"))
add("m-invalid-content-type", message(["Subject: Kaputter Typ", "MIME-Version: 1.0", "Content-Type: text"],
                                      "Text mit kaputtem Typ.\n"))
add("m-deep-nesting", message(["Subject: Tief", "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="n0"'],
                              (lambda: (lambda f: f(f, 0))(lambda f, d: multipart("n%d" % d, [
                                  part(['Content-Type: multipart/mixed; boundary="n%d"' % (d + 1)], f(f, d + 1))
                                  if d < 14 else part(["Content-Type: text/plain"], "Ganz tief unten.\n")])))()))
add("m-calendar-invite-outlook", message([
    "Subject: Einladung: Wartungsfenster", "MIME-Version: 1.0", 'Content-Type: multipart/alternative; boundary="cal"'],
    multipart("cal", [
        part(["Content-Type: text/plain; charset=utf-8"], "Wartungsfenster am Dienstag.\n"),
        part(["Content-Type: text/html; charset=utf-8"], "<p>Wartungsfenster am Dienstag.</p>\n"),
        part(["Content-Type: text/calendar; charset=utf-8; method=REQUEST", "Content-Transfer-Encoding: base64"],
             b64("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n")),
    ])))
add("m-multipart-empty-body", message(["Subject: Leerer Multipart", "MIME-Version: 1.0",
                                       'Content-Type: multipart/mixed; boundary="leer"'], ""))
add("m-content-type-case-and-params", message([
    "Subject: Grossbuchstaben", "MIME-Version: 1.0", "Content-Type: MULTIPART/Mixed;\n BOUNDARY=GROSS"],
    multipart("GROSS", [
        part(["Content-Type: TEXT/PLAIN; CHARSET=ISO-8859-1", "Content-Transfer-Encoding: QUOTED-PRINTABLE"],
             qp(GERMAN.encode("latin-1"))),
        part(['Content-Type: Application/PDF; NAME="A.PDF"', "Content-Transfer-Encoding: BASE64"], b64(PDF[:500])),
    ])))

# ---------------------------------------------------------------- transfer encodings (RFC 2045 §6)
add("t-base64-bad-padding", message([
    "Subject: Base64 ohne Padding", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: base64"], base64.b64encode(GERMAN.encode()).decode().rstrip("=") + "\n"))
add("t-base64-garbage", message([
    "Subject: Base64 mit Muell", "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="g"'],
    multipart("g", [
        part(["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64"],
             "SGFsbG8g!!V2VsdA==\n"),
        part(['Content-Type: application/octet-stream; name="kaputt.bin"', "Content-Transfer-Encoding: base64"],
             "AAAA\n####\nAAAA\n\nAAAA===\nAA\n"),
    ])))
add("t-quoted-printable-soft-breaks", message([
    "Subject: QP", "MIME-Version: 1.0", "Content-Type: text/plain; charset=iso-8859-15",
    "Content-Transfer-Encoding: quoted-printable"],
    "Sehr geehrte Damen und Herren, die St=F6rung besteht seit Montag und die Gr=F6=DFe des Post=\nfachs ist 2 GB. Kosten: 12 =A4.=20\n\nMit freundlichen Gr=FC=DFen\n"))
add("t-quoted-printable-broken", message([
    "Subject: QP kaputt", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable"],
    "Ung=C3=BCltig: =ZZ und =4 und Ende=\nfort =\n\nUmlaut roh: Gr\xc3\xbc\xc3\x9fe\n"))
add("t-8bit-utf8", message(["Subject: 8bit", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
                            "Content-Transfer-Encoding: 8bit"], GERMAN))
add("t-binary", message([
    "Subject: binary", "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="bin"'],
    multipart("bin", [
        part(["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: binary"], GERMAN),
        part(['Content-Type: application/octet-stream; name="roh.bin"', "Content-Transfer-Encoding: binary"],
             bytes(range(1, 256)).replace(b"\r", b"").replace(b"\n", b"")),
    ])))
add("t-7bit-mislabelled-8bit", message(["Subject: 7bit gelogen", "MIME-Version: 1.0",
                                        "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 7bit"], GERMAN))
add("t-x-uuencode", message([
    "Subject: uuencode", "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="uu"'],
    multipart("uu", [
        part(["Content-Type: text/plain"], "Anhang im uuencode-Format.\n"),
        part(['Content-Type: application/octet-stream; name="alt.dat"', "Content-Transfer-Encoding: x-uuencode"],
             "begin 644 alt.dat\n" + "".join(binascii.b2a_uu(PDF[i:i + 45]).decode() for i in range(0, 450, 45)) + "`\nend\n"),
    ])))
add("t-unknown-encoding", message(["Subject: unbekannte Kodierung", "MIME-Version: 1.0", "Content-Type: text/plain",
                                   "Content-Transfer-Encoding: x-gzip64"], "Klartext trotz unbekannter Kodierung.\n"))
add("t-base64-text-crlf-inside", message(["Subject: Base64 CRLF", "MIME-Version: 1.0",
                                          "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: Base64"],
                                         b64(GERMAN.replace("\n", "\r\n"))))

# ---------------------------------------------------------------- parameters (RFC 2231, RFC 2047 in params)
def attachment_mail(subject, headers, data=PDF):
    return message(["Subject: " + subject, "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="p"'],
                   multipart("p", [part(["Content-Type: text/plain; charset=utf-8"], "Siehe Anhang.\n"),
                                   part(headers + ["Content-Transfer-Encoding: base64"], b64(data))]))


add("p-rfc2231-continuations-utf8", attachment_mail("2231 Fortsetzung", [
    "Content-Type: application/pdf",
    "Content-Disposition: attachment;\n filename*0*=utf-8''Gr%C3%B6%C3%9Fe%20des%20Post;\n filename*1*=fachs%20%C3%BCberschritten.pdf"]))
add("p-rfc2231-iso-8859-1", attachment_mail("2231 Latin-1", [
    "Content-Type: application/pdf", "Content-Disposition: attachment; filename*=iso-8859-1'de'Rechnung%20M%E4rz.pdf"]))
add("p-rfc2231-plain-continuations", attachment_mail("2231 ohne Zeichensatz", [
    'Content-Type: application/pdf; name*0="Sehr_langer_Dateiname_"; name*1="Teil_zwei.pdf"']))
add("p-rfc2047-in-name-outlook", attachment_mail("2047 im Namen", [
    'Content-Type: application/pdf; name="=?utf-8?B?' + base64.b64encode("Störungsbericht.pdf".encode()).decode() + '?="',
    'Content-Disposition: attachment; filename="=?utf-8?B?' + base64.b64encode("Störungsbericht.pdf".encode()).decode() + '?="']))
add("p-name-only-in-content-type", attachment_mail("nur name", ['Content-Type: image/png; name=screenshot.png'], PNG))
add("p-filename-with-windows-path", attachment_mail("Pfad im Namen", [
    "Content-Type: application/octet-stream", 'Content-Disposition: attachment; filename="C:\\\\Users\\\\hans\\\\Desktop\\\\log.txt"'], b"log\n"))
add("p-raw-utf8-filename", attachment_mail("rohes UTF-8", [
    "Content-Type: application/pdf", 'Content-Disposition: attachment; filename="Größe.pdf"']))
add("p-unquoted-filename-with-spaces", attachment_mail("ohne Anfuehrung", [
    "Content-Type: text/plain", "Content-Disposition: attachment; filename=mein bericht.txt"], b"bericht\n"))
add("p-inline-disposition-image", attachment_mail("inline Bild", [
    "Content-Type: image/jpeg", 'Content-Disposition: inline; filename="IMG_0001.JPG"'], bytes(3000)))

# ---------------------------------------------------------------- charsets
def text_mail(subject, charset, text, cte="8bit", codec=None):
    body = text.encode(codec or charset)
    if cte == "quoted-printable":
        body = qp(body)
    elif cte == "base64":
        body = b64(body)
    return message(["Subject: " + subject, "MIME-Version: 1.0", "Content-Type: text/plain; charset=" + charset,
                    "Content-Transfer-Encoding: " + cte], body)


add("c-unknown-charset-ascii", text_mail("unbekannter Zeichensatz", "x-unbekannt", "Reiner ASCII-Text.\n", codec="ascii"))
add("c-unknown-charset-utf8-bytes", text_mail("unbekannt mit UTF-8", "x-user-defined-foo", GERMAN, codec="utf-8"))
add("c-mislabelled-latin1-as-utf8", text_mail("falsch etikettiert", "utf-8", GERMAN, codec="latin-1"))
add("c-mislabelled-ascii-with-utf8", text_mail("ascii gelogen", "us-ascii", GERMAN, codec="utf-8"))
add("c-windows-1252-body", text_mail("cp1252", "windows-1252", "„Störung“ – 12 € Gebühr.\n", "quoted-printable"))
add("c-koi8-r-body", text_mail("koi8", "koi8-r", "Здравствуйте, сайт не работает.\n"))
add("c-iso-2022-jp-body", text_mail("jis", "iso-2022-jp", "メールが届きません。よろしくお願いします。\n", "7bit"))
add("c-shift-jis-body", text_mail("sjis", "shift_jis", "サーバーの問題があります。\n", "base64"))
add("c-gb2312-body", text_mail("gb", "gb2312", "邮件服务器故障，请帮助。\n", "base64"))
add("c-euc-kr-body", text_mail("euckr", "euc-kr", "메일 서버에 문제가 있습니다.\n", "base64"))
add("c-utf-16-body", text_mail("utf16", "utf-16", "Größe des Postfachs.\n", "base64"))
add("c-latin1-alias-and-quoted", message(["Subject: Alias", "MIME-Version: 1.0", 'Content-Type: text/plain; charset="Latin1"',
                                          "Content-Transfer-Encoding: 8bit"], GERMAN.encode("latin-1")))
add("c-iso-8859-2-body", text_mail("latin2", "iso-8859-2", "Dzień dobry, mam problem z pocztą.\n", "quoted-printable"))

# ---------------------------------------------------------------- line-level oddities
add("l-bare-lf", message(["Subject: Nur LF", "Content-Type: text/plain; charset=utf-8"], GERMAN, eol="\n"))
add("l-mixed-line-endings", b"From: a@example.de\r\nTo: b@example.de\nSubject: Gemischt\r\nDate: Mon, 02 Nov 2026 09:15:00 +0100\n"
    b"Content-Type: text/plain\r\n\nZeile eins\r\nZeile zwei\nZeile drei\r\n")
add("l-nul-bytes", message(["Subject: NUL\x00im Betreff", "Content-Type: text/plain"], b"Text mit \x00 NUL-Byte.\n"))
add("l-long-body-line", message(["Subject: Lange Zeile", "Content-Type: text/plain"], "Wort " * 600 + "\nEnde.\n"))
add("l-mbox-from-line", b"From kunde@example.de Mon Nov  2 09:15:00 2026\n" + message(["Subject: mbox"], "Text nach mbox-Zeile.\n", eol="\n"))
add("l-utf8-bom", b"\xef\xbb\xbf" + message(["Subject: BOM am Anfang"], "Text.\n"))
add("l-bare-cr", b"From: a@example.de\rTo: b@example.de\rSubject: Nur CR\r\rText mit CR.\r")
add("l-leading-blank-line", b"\r\n" + message(["Subject: Leerzeile zuerst"], "Text.\n"))
add("l-empty-file", b"")
add("l-no-headers-just-text", b"Das ist keine Mail, nur Text.\nZweite Zeile.\n")

# ---------------------------------------------------------------- German mail as real clients send it
OUTLOOK = [
    "From: =?iso-8859-1?Q?J=FCrgen_M=FCller?= <j.mueller@mueller-bau.de>",
    "To: \"support@webhost.example\" <support@webhost.example>",
    "Subject: =?iso-8859-1?Q?St=F6rung_beim_E-Mail-Abruf?=",
    "Thread-Topic: =?iso-8859-1?Q?St=F6rung_beim_E-Mail-Abruf?=",
    "Thread-Index: AdnL3k2fQ0J0x9ZyT7i0sVh2Yw==",
    "Date: Tue, 3 Nov 2026 08:12:44 +0000",
    "Message-ID: <AM9PR07MB7185C1E1F7D2A9B0C3D4E5F6A7B8C9D0@AM9PR07MB7185.eurprd07.prod.outlook.com>",
    "Accept-Language: de-DE, en-US", "Content-Language: de-DE", "X-MS-Has-Attach: ", "X-MS-TNEF-Correlator: ",
    "MIME-Version: 1.0",
]
add("de-outlook-alternative", message(OUTLOOK + ['Content-Type: multipart/alternative;\n\tboundary="_000_AM9PR07MB7185C1E1_"'],
    multipart("_000_AM9PR07MB7185C1E1_", [
        part(['Content-Type: text/plain; charset="iso-8859-1"', "Content-Transfer-Encoding: quoted-printable"],
             qp(GERMAN.encode("cp1252"))),
        part(['Content-Type: text/html; charset="iso-8859-1"', "Content-Transfer-Encoding: quoted-printable"],
             qp(("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                 "<style><!-- p.MsoNormal {margin:0cm;} --></style></head><body lang=\"DE\"><div class=\"WordSection1\">"
                 "<p class=\"MsoNormal\">Hallo,<o:p></o:p></p><p class=\"MsoNormal\">seit heute Morgen haben wir eine St&ouml;rung.<o:p></o:p></p>"
                 "<p class=\"MsoNormal\">Viele Gr&uuml;&szlig;e<o:p></o:p></p></div></body></html>\n").encode("cp1252"))),
    ]), defaults=False))
add("de-outlook-attachment-winmail", message(
    [h.replace("X-MS-Has-Attach: ", "X-MS-Has-Attach: yes") for h in OUTLOOK] + ['Content-Type: multipart/mixed;\n\tboundary="_004_AM9PR07MB7185_"'],
    multipart("_004_AM9PR07MB7185_", [
        part(['Content-Type: multipart/alternative;\n\tboundary="_000_AM9PR07MB7185_"'], multipart("_000_AM9PR07MB7185_", [
            part(['Content-Type: text/plain; charset="utf-8"', "Content-Transfer-Encoding: base64"], b64(GERMAN)),
            part(['Content-Type: text/html; charset="utf-8"', "Content-Transfer-Encoding: base64"], b64(GERMAN_HTML)),
        ])),
        part(['Content-Type: application/pdf;\n\tname="=?iso-8859-1?Q?Gr=F6=DFe=5FPostfach.pdf?="', "Content-Description: =?iso-8859-1?Q?Gr=F6=DFe=5FPostfach.pdf?=",
              'Content-Disposition: attachment;\n\tfilename="=?iso-8859-1?Q?Gr=F6=DFe=5FPostfach.pdf?="; size=2329;\n\tcreation-date="Tue, 03 Nov 2026 08:12:40 GMT"',
              "Content-Transfer-Encoding: base64"], b64(PDF)),
        part(['Content-Type: application/ms-tnef; name="winmail.dat"', 'Content-Disposition: attachment; filename="winmail.dat"',
              "Content-Transfer-Encoding: base64"], b64(b"\x78\x9f\x3e\x22" + bytes(700))),
    ]), defaults=False))
add("de-outlook-auto-reply", message([
    "From: Petra Schulz <p.schulz@kanzlei-schulz.de>", "To: support@webhost.example",
    "Subject: Automatische Antwort: Ihre Anfrage #4711", "Auto-Submitted: auto-generated", "X-Auto-Response-Suppress: All",
    "Precedence: bulk", "MIME-Version: 1.0", 'Content-Type: text/plain; charset="iso-8859-1"', "Content-Transfer-Encoding: quoted-printable"],
    qp("Ich bin bis einschließlich 13.11. nicht im Büro.\nIn dringenden Fällen wenden Sie sich bitte an meine Kollegin.\n".encode("latin-1"))))
add("de-thunderbird-flowed", message([
    "Message-ID: <3f6a1c2e-8b1d-4f5e-9c1a-2b3c4d5e6f70@mueller-bau.de>", "Date: Tue, 3 Nov 2026 10:01:02 +0100", "MIME-Version: 1.0",
    "User-Agent: Mozilla Thunderbird", "Content-Language: de-DE", "To: support@webhost.example",
    "From: =?UTF-8?Q?J=c3=bcrgen_M=c3=bcller?= <j.mueller@mueller-bau.de>",
    "Subject: =?UTF-8?Q?Re=3a_St=c3=b6rung_beim_Mailabruf?=", "In-Reply-To: <ticket-4711@webhost.example>",
    "References: <ticket-4711@webhost.example>", "Content-Type: text/plain; charset=UTF-8; format=flowed", "Content-Transfer-Encoding: 8bit"],
    "Hallo,\n\ndie Störung tritt weiterhin auf, sobald das Postfach eine bestimmte \nGröße überschreitet.\n\nViele Grüße\nJürgen\n\nAm 02.11.26 um 17:03 schrieb Support:\n> Bitte senden Sie uns ein Protokoll.\n", defaults=False))
add("de-thunderbird-attachment", message([
    "Message-ID: <9a8b7c6d-1111-2222-3333-444455556666@mueller-bau.de>", "Date: Tue, 3 Nov 2026 10:05:00 +0100", "MIME-Version: 1.0",
    "User-Agent: Mozilla Thunderbird", "To: support@webhost.example", "From: =?UTF-8?Q?J=c3=bcrgen_M=c3=bcller?= <j.mueller@mueller-bau.de>",
    "Subject: Protokoll", 'Content-Type: multipart/mixed;\n boundary="------------2JqX7h0mS0yQ1bZ8eB4cL9dA"'],
    multipart("------------2JqX7h0mS0yQ1bZ8eB4cL9dA", [
        part(["Content-Type: text/plain; charset=UTF-8; format=flowed", "Content-Transfer-Encoding: 8bit"], "Anbei das Protokoll.\n\nGrüße\n"),
        part(['Content-Type: text/plain; charset=UTF-8; name="=?UTF-8?B?R3LDtsOfZS1Qcm90b2tvbGwudHh0?="',
              "Content-Disposition: attachment;\n filename*=UTF-8''Gr%C3%B6%C3%9Fe-Protokoll.txt", "Content-Transfer-Encoding: base64"],
             b64("Zeile 1: Störung\nZeile 2: Größe\n")),
    ], preamble="This is a multi-part message in MIME format.\n"), defaults=False))
add("de-apple-mail", message([
    "From: Sabine Krause <sabine.krause@me.com>", 'Content-Type: multipart/alternative;\n\tboundary="Apple-Mail=_5D1B3C2A-7E8F-4A9B-8C0D-1E2F3A4B5C6D"',
    "Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3774.600.62\\))", "Subject: =?utf-8?Q?St=C3=B6rung_Webseite?=",
    "Message-Id: <8F1E2D3C-4B5A-6978-8776-A5B4C3D2E1F0@me.com>", "Date: Tue, 3 Nov 2026 11:22:33 +0100", "To: support@webhost.example",
    "X-Mailer: Apple Mail (2.3774.600.62)"],
    multipart("Apple-Mail=_5D1B3C2A-7E8F-4A9B-8C0D-1E2F3A4B5C6D", [
        part(["Content-Transfer-Encoding: quoted-printable", "Content-Type: text/plain;\n\tcharset=utf-8"],
             qp("Hallo,\n\nunsere Webseite zeigt seit gestern einen Fehler 500. Können Sie das prüfen?\n\nGrüße\nSabine Krause")),
        part(["Content-Transfer-Encoding: quoted-printable", "Content-Type: text/html;\n\tcharset=utf-8"],
             qp('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body style="overflow-wrap: break-word;">'
                "Hallo,<div><br></div><div>unsere Webseite zeigt seit gestern einen Fehler 500. Können Sie das prüfen?</div><div><br></div><div>Grüße</div><div>Sabine Krause</div></body></html>")),
    ]), defaults=False))
add("de-iphone-photo", message([
    "Content-Type: multipart/mixed; boundary=Apple-Mail-8A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9",
    "Content-Transfer-Encoding: 7bit", "From: Tobias Wagner <tobias.wagner@icloud.com>", "Mime-Version: 1.0 (1.0)",
    "Date: Tue, 3 Nov 2026 12:40:01 +0100", "Subject: Fehlermeldung", "Message-Id: <A1B2C3D4-E5F6-0718-293A-4B5C6D7E8F90@icloud.com>",
    "To: support@webhost.example", "X-Mailer: iPhone Mail (22B83)"],
    multipart("Apple-Mail-8A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9", [
        part(["Content-Type: text/plain;\n\tcharset=utf-8", "Content-Transfer-Encoding: quoted-printable"],
             qp("Hallo, siehe Foto der Fehlermeldung.\n\nVon meinem iPhone gesendet")),
        part(["Content-Type: image/jpeg;\n\tname=IMG_4711.jpeg;\n\tx-apple-part-url=1F2E3D4C-5B6A-7988-A7B6-C5D4E3F2A1B0",
              "Content-Disposition: inline;\n\tfilename=IMG_4711.jpeg", "Content-Transfer-Encoding: base64"], b64(b"\xff\xd8\xff\xe0" + bytes(5000))),
        part(["Content-Type: text/plain;\n\tcharset=utf-8", "Content-Transfer-Encoding: quoted-printable"], qp("\n\nVon meinem iPhone gesendet")),
    ]), defaults=False))
add("de-gmx-webmail", message([
    "MIME-Version: 1.0", "Message-ID: <trinity-1a2b3c4d-5e6f-7081-92a3-b4c5d6e7f809-1762163401234@3c-app-gmx-bap42>",
    "From: \"Helga Becker\" <helga.becker@gmx.de>", "To: support@webhost.example", "Subject: Passwort vergessen - Größe Postfach",
    "Content-Type: text/html; charset=UTF-8", "Date: Tue, 3 Nov 2026 13:10:01 +0100", "Importance: normal", "Sensitivity: Normal",
    "Content-Transfer-Encoding: quoted-printable", "X-Priority: 3", "X-Provags-ID: V03:K1:abcDEF123",
    "UI-OutboundReport: notjunk:1;M01:P0:abc="],
    qp('<html><head></head><body><div style="font-family: Verdana;font-size: 12.0px;"><div>Guten Tag,</div><div>&nbsp;</div>'
       "<div>ich habe mein Passwort vergessen. Außerdem: wie ändere ich die Größe meines Postfachs?</div><div>&nbsp;</div>"
       "<div>Mit freundlichen Grüßen</div><div>Helga Becker</div></div></body></html>\n"), defaults=False))
add("de-webde-alternative", message([
    "MIME-Version: 1.0", "Message-ID: <trinity-aa11bb22-cc33-dd44-ee55-ff6677889900-1762170000000@3c-app-webde-bs21>",
    "From: klaus.neumann@web.de", "To: support@webhost.example", "Subject: =?UTF-8?Q?K=C3=BCndigung_zum_Monatsende?=",
    'Content-Type: multipart/alternative; boundary="--=_Part_web.de_12345"', "Date: Tue, 3 Nov 2026 15:00:00 +0100"],
    multipart("--=_Part_web.de_12345", [
        part(["Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: quoted-printable"],
             qp("Hiermit kündige ich meinen Vertrag fristgerecht zum Monatsende.\n\nGrüße\nKlaus Neumann\n")),
        part(["Content-Type: text/html; charset=UTF-8", "Content-Transfer-Encoding: quoted-printable"],
             qp("<html><body><p>Hiermit kündige ich meinen Vertrag fristgerecht zum Monatsende.</p><p>Grüße<br>Klaus Neumann</p></body></html>\n")),
    ]), defaults=False))
add("de-tonline-latin1-8bit", message([
    "From: \"Rentner, Gerd\" <gerd.rentner@t-online.de>", "To: support@webhost.example", "Subject: =?ISO-8859-15?Q?Ger=E4t_funktioniert_nicht?=",
    "MIME-Version: 1.0", "Content-Type: text/plain; charset=ISO-8859-15; format=flowed", "Content-Transfer-Encoding: 8bit",
    "X-Mailer: T-Online eMail 6.19.2"], "Guten Tag,\n\nmein Gerät kann keine Mails abrufen. Die Störung kostet mich 5 € am Tag.\n\nGrüße\n".encode("iso-8859-15")))
add("de-newsletter-list", message([
    "From: Newsletter <newsletter@shop.example>", "To: support@webhost.example", "Subject: =?utf-8?B?" + base64.b64encode("Ihre Vorteile im November ✨".encode()).decode() + "?=",
    "Precedence: list", "List-Unsubscribe: <mailto:unsubscribe@shop.example>", "List-Id: <news.shop.example>", "MIME-Version: 1.0",
    'Content-Type: multipart/alternative; boundary="nl"'],
    multipart("nl", [part(["Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: base64"], b64(GERMAN_HTML))])))

# Invalid multibyte sequences (added later; kept last so that earlier default Message-IDs stay put).
add("c-shift-jis-truncated-lead-byte", message(["Subject: sjis abgeschnitten", "MIME-Version: 1.0",
                                                "Content-Type: text/plain; charset=shift_jis", "Content-Transfer-Encoding: base64"],
                                               b64("サーバーの問題があります".encode("shift_jis") + b"\x82")))
add("c-gb2312-invalid-sequence", message(["Subject: gb kaputt", "MIME-Version: 1.0", "Content-Type: text/plain; charset=gb2312",
                                          "Content-Transfer-Encoding: 8bit"],
                                         "邮件服务器".encode("gb2312") + b"\xff\xfe" + "故障。\n".encode("gb2312")))
add("ew-euc-kr-invalid-byte", message(["Subject: =?euc-kr?B?" + base64.b64encode("메일".encode("euc-kr") + b"\xcf\x20" + "서버".encode("euc-kr")).decode() + "?="],
                                      "Text.\n"))

# Structural edge cases of the kind public parser test suites collect (own content, LF line ends as
# such suites store them). Kept last so that earlier default Message-IDs stay put.
EDGE = {
    "x-header-blank-before-colon-second-from": b"From: echt@example.de\nFrom \t: falsch@example.de\nSubject: Zwei From\n\nText\n",
    "x-boundary-only-dashes": b'Content-Type: multipart/mixed; boundary="--------"\nSubject: Striche\n\n----------\nContent-Type: text/plain\n\nInhalt\n------------\n',
    "x-inner-multipart-closed-by-outer": b'Content-Type: multipart/mixed; boundary="aussen"\n\n--aussen\nContent-Type: multipart/alternative; boundary="innen"\n\n--innen\nContent-Type: text/plain\n\nerster\n--aussen\nContent-Type: application/zip; name="a.zip"\n\nPK\n--aussen--\n',
    "x-part-headers-without-blank-line": b'Content-Type: multipart/mixed; boundary="g"\n\n--g\nContent-Type: text/plain\n--g\nContent-Type: text/plain\n\nzweiter Teil\n--g--\n',
    "x-close-delimiter-first": b'Content-Type: multipart/mixed; boundary="z"\n\n--z--\n--z\nContent-Type: text/plain\n\nnach dem Ende\n--z--\n',
    "x-header-only-no-final-newline": b"From: a@example.de\nSubject: ohne Zeilenende",
    "x-empty-subject-folded": b"From: a@example.de\nSubject:\n \nTo: b@example.de\n\nText\n",
    "x-date-military-zone": b"From: a@example.de\nDate: Tue, 3 Nov 2026 14:05:09 Z\n\nText\n",
    "x-date-ut-zone": b"From: a@example.de\nDate: Tue, 3 Nov 2026 14:05:09 UT\n\nText\n",
    "x-date-without-final-newline": b"From: a@example.de\nDate: Tue, 3 Nov 2026 14:05:09 +0200",
    "x-header-name-with-nul": b"From: a@example.de\nX-Kaputt\x00Name: wert\nSubject: NUL im Namen\n\nText\n",
    "x-header-leading-colon": b"From: a@example.de\n: ohne Namen\nSubject: Doppelpunkt zuerst\n\nText\n",
    "x-nested-message-base64": b'From: a@example.de\nSubject: verpackt\nContent-Type: multipart/mixed; boundary="n"\n\n--n\nContent-Type: text/plain\n\nsiehe Anhang\n--n\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n' + base64.b64encode(b"From: innen@example.de\nSubject: innen\n\ninnerer Text\n") + b'\n--n--\n',
    "x-empty-nested-message": b'From: a@example.de\nSubject: leere Nachricht\nContent-Type: multipart/mixed; boundary="e"\n\n--e\nContent-Type: text/plain\n\nText\n--e\nContent-Type: message/rfc822\n\n--e--\n',
    "x-unterminated-alternative": b'From: a@example.de\nContent-Type: multipart/alternative; boundary="u"\n\n--u\nContent-Type: text/plain\n\nschlicht\n--u\nContent-Type: text/html\n\n<p>reich</p>\n',
    "x-inline-text-with-filename": b'From: a@example.de\nContent-Type: multipart/mixed; boundary="f"\n\n--f\nContent-Type: text/plain\nContent-Disposition: inline; filename="notiz.txt"\n\nNotiz\n--f\nContent-Type: text/plain\n\nzweiter\n--f--\n',
    "x-related-image-first-no-start": b'From: a@example.de\nContent-Type: multipart/related; boundary="r"\n\n--r\nContent-Type: image/png\nContent-ID: <b1>\n\nPNGDATA\n--r\nContent-Type: text/html\n\n<img src="cid:b1">\n--r--\n',
    "x-alternative-with-attachment-disposition": b'From: a@example.de\nContent-Type: multipart/alternative; boundary="d"\n\n--d\nContent-Type: text/plain\nContent-Disposition: attachment\n\nals Anhang\n--d\nContent-Type: text/html\n\n<p>html</p>\n--d--\n',
    "x-mixed-calendar-part": b'From: a@example.de\nContent-Type: multipart/mixed; boundary="k"\n\n--k\nContent-Type: text/plain\n\nTermin\n--k\nContent-Type: text/calendar; method=REQUEST\n\nBEGIN:VCALENDAR\nEND:VCALENDAR\n--k--\n',
    "x-delimiter-mid-line": b'From: a@example.de\nContent-Type: multipart/mixed; boundary="m"\n\n--m\nContent-Type: text/plain\n\nText mit --m mitten in der Zeile\n--m--\n',
}
for edge_name, edge_bytes in EDGE.items():
    add(edge_name, edge_bytes)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "Tests", "MailCoreTests", "Fixtures")
    os.makedirs(out, exist_ok=True)
    for name, data in FIXTURES.items():
        with open(os.path.join(out, name + ".eml"), "wb") as handle:
            handle.write(data)
    print("%d fixtures written to %s" % (len(FIXTURES), out))


if __name__ == "__main__":
    main()
