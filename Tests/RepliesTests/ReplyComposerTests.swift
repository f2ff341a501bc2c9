import Foundation
import MailCore
import Testing
@testable import Replies

@Suite("Reply composition (RFC 5322, RFC 2047, RFC 2045, RFC 3834)")
struct ReplyComposerTests {
    static let support = SupportIdentity(address: "support@example-hosting.de", name: "Example Hosting Support")

    static func composer() throws -> ReplyComposer {
        ReplyComposer(templates: try TemplateCatalog(sources: ShippedTemplates.load()), support: support)
    }

    static func request(subject: String = "Mailserver nicht erreichbar", name: String = "Jürgen Weiß",
                        recipient: String = "kunde@example.org") -> ReplyRequest {
        ReplyRequest(kind: .faqReply, ticketNumber: "1042", language: "de", recipient: recipient, recipientName: name,
                     originalSubject: subject, inReplyTo: "abc@mail.example.org", references: ["root@mail.example.org"],
                     inboundKey: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     values: ["faq": .list([["id": "1008", "title": "Störungsmeldungen", "url": "https://example-hosting.de/faq/1008"]])],
                     date: Date(timeIntervalSince1970: 1_796_000_000))
    }

    /// Splits the composed bytes into unfolded header fields and the body.
    static func headers(_ mail: OutboundMail) -> (fields: [(String, String)], body: String) {
        let text = String(decoding: mail.bytes, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let unfolded = parts[0].replacingOccurrences(of: "\r\n ", with: " ")
        let fields = unfolded.components(separatedBy: "\r\n").map { line -> (String, String) in
            let colon = line.firstIndex(of: ":")!
            return (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        return (fields, parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    static func decodeEncodedWords(_ value: String) -> String {
        value.components(separatedBy: " ").map { word in
            guard word.hasPrefix("=?utf-8?B?"), word.hasSuffix("?=") else { return word }
            let payload = String(word.dropFirst(10).dropLast(2))
            return String(decoding: Data(base64Encoded: payload)!, as: UTF8.self)
        }.joined()
    }

    @Test("RFC 5322 §2.3: every line ends in CRLF and stays within 78 characters")
    func crlfAndLineLength() throws {
        let mail = try Self.composer().compose(Self.request(subject: String(repeating: "Sehr langer Betreff mit Umlauten äöü ", count: 8)))
        let text = String(decoding: mail.bytes, as: UTF8.self)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78, "\(line)") }
        #expect(mail.bytes.allSatisfy { $0 < 0x80 }, "7-bit clean: headers encoded, body quoted-printable")
    }

    @Test("RFC 2047 §4.1: a non-ASCII subject is encoded and decodes back")
    func encodedSubject() throws {
        let mail = try Self.composer().compose(Self.request(subject: "AW: Störung beim Mailabruf"))
        let subject = Self.headers(mail).fields.first { $0.0 == "Subject" }!.1
        #expect(subject.hasPrefix("=?utf-8?B?"))
        #expect(Self.decodeEncodedWords(subject) == "Re: Störung beim Mailabruf [Ticket#1042]")
    }

    @Test("RFC 3834 §5 and threading headers are present", arguments: [
        ("Auto-Submitted", "auto-replied"),
        ("X-Auto-Response-Suppress", "All"),
        ("In-Reply-To", "<abc@mail.example.org>"),
        ("References", "<root@mail.example.org> <abc@mail.example.org>"),
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Transfer-Encoding", "quoted-printable"),
        ("Date", "Mon, 30 Nov 2026 00:53:20 +0000"),
        ("MIME-Version", "1.0"),
    ])
    func requiredHeaders(name: String, value: String) throws {
        let fields = Self.headers(try Self.composer().compose(Self.request())).fields
        #expect(fields.filter { $0.0 == name }.map(\.1) == [value])
    }

    @Test("CR or LF in any input never reaches a header", arguments: [
        ("Hilfe\r\nBcc: victim@example.com", "Jürgen", "kunde@example.org"),
        ("Hilfe", "Eve\r\nBcc: victim@example.com", "kunde@example.org"),
        ("Hilfe", "Eve", "kunde@example.org\r\nBcc: victim@example.com"),
        ("Hilfe\nX-Injected: 1", "Eve\rX-Injected: 1", "kunde@example.org"),
    ])
    func noHeaderInjection(subject: String, name: String, recipient: String) throws {
        let mail = try Self.composer().compose(Self.request(subject: subject, name: name, recipient: recipient))
        let names = Self.headers(mail).fields.map { $0.0.lowercased() }
        #expect(!names.contains("bcc"))
        #expect(!names.contains("x-injected"))
        #expect(!mail.recipient.contains("\r") && !mail.recipient.contains("\n"))
    }

    @Test("the Message-ID is deterministic per ticket, kind and inbound message")
    func deterministicMessageID() throws {
        let composer = try Self.composer()
        let first = composer.compose(Self.request())
        var later = Self.request()
        later.date = later.date.addingTimeInterval(3600)
        #expect(composer.compose(later).messageID == first.messageID)
        var other = Self.request()
        other.kind = .costNotice
        #expect(composer.compose(other).messageID != first.messageID)
        #expect(first.messageID.hasSuffix("@example-hosting.de"))
        #expect(Self.headers(first).fields.first { $0.0 == "Message-ID" }?.1 == "<\(first.messageID)>")
    }

    @Test("reply prefixes and ticket tags are not stacked", arguments: [
        ("AW: Re: WG: Frage", "Frage"),
        ("Re: [Ticket#1042] Frage", "Frage"),
        ("RE[2]: Frage", "Frage"),
        ("Frage", "Frage"),
        ("Re: Störung: Mailserver [Ticket#7]", "Störung: Mailserver"),
        ("Fwd:Antw : sv: Ärger", "Ärger"),
        ("Réponse: Frage", "Réponse: Frage"),
        ("Re [x]: Frage", "Re [x]: Frage"),
        ("Re:", ""),
        ("  ", ""),
    ])
    func baseSubject(subject: String, expected: String) {
        #expect(ReplySubject.base(subject) == expected)
    }

    @Test("RFC 2045 §6.7: the quoted-printable body decodes to the rendered template")
    func quotedPrintableBody() throws {
        let mail = try Self.composer().compose(Self.request())
        let body = Self.headers(mail).body
        for line in body.components(separatedBy: "\r\n") { #expect(line.count <= 76) }
        let decoded = Self.decodeQuotedPrintable(body)
        #expect(decoded.contains("Guten Tag Jürgen Weiß,"))
        #expect(decoded.contains("  * Störungsmeldungen\n    https://example-hosting.de/faq/1008"))
        #expect(decoded.contains("Mit freundlichen Grüßen\nExample Hosting Support"))
    }

    /// An independent decoder for the check: soft breaks removed, =XX turned into bytes.
    static func decodeQuotedPrintable(_ text: String) -> String {
        let bytes = Array(text.replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "\r\n", with: "\n").utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "="), index + 2 < bytes.count,
               let value = UInt8(String(decoding: bytes[index + 1...index + 2], as: UTF8.self), radix: 16) {
                out.append(value)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test("RFC 5322 §3.3 dates", arguments: [
        (0.0, "Thu, 1 Jan 1970 00:00:00 +0000"),
        (951_782_400.0, "Tue, 29 Feb 2000 00:00:00 +0000"),
        (1_796_000_000.0, "Mon, 30 Nov 2026 00:53:20 +0000"),
        (-86_400.0, "Wed, 31 Dec 1969 00:00:00 +0000"),
    ])
    func dates(seconds: Double, expected: String) {
        #expect(RFC5322Date.headerValue(Date(timeIntervalSince1970: seconds)) == expected)
    }
}

/// `HeaderText.sanitized`, the gate every header value passes, on clean and dirty input alike.
struct HeaderTextSanitizingTests {
    @Test("controls and line separators become spaces; blanks at the ends go", arguments: [
        ("Jürgen Weiß", "Jürgen Weiß"), ("  padded ", "padded"), ("a\r\nBcc: x@y", "a  Bcc: x@y"),
        ("tab\there", "tab here"), ("line\u{2028}sep", "line sep"), ("para\u{2029}", "para"),
        ("\u{00A0}nbsp\u{00A0}", "nbsp"), ("del\u{7F}", "del"), ("", ""), ("\r\n", ""), ("€ 25,00", "€ 25,00"),
    ])
    func sanitized(input: String, expected: String) {
        #expect(HeaderText.sanitized(input) == expected)
    }
}
