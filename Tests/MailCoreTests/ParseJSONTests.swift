import Foundation
import Testing
import MailCore

@Suite("parse --json lines (contracts/parse-json.md)")
struct ParseJSONTests {
    static let contractKeys: Set<String> = [
        "file", "subject", "from", "to", "cc", "reply_to", "message_id", "in_reply_to", "references", "date",
        "text_body", "html_present", "attachments", "auto_submitted", "precedence", "defects",
    ]

    private func object(_ line: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(value as? [String: Any])
    }

    @Test("Every contract key, valid JSON on one line, values as the contract says")
    func fullMessage() throws {
        let message = parsed("""
            From: =?iso-8859-1?Q?J=F6rg?= <j@x.de>
            To: a@x.de, Team: b@x.de;
            Reply-To: <r@x.de>
            Subject: "Störung" \\ Tab\there
            Message-ID: <m1@x.de>
            In-Reply-To: <p@x.de>
            References: <o@x.de> <p@x.de>
            Date: Sat, 21 Apr 2001 02:18:00 +0200
            Auto-Submitted: auto-replied
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain; charset=utf-8

            Zeile 1
            --b
            Content-Type: application/pdf; name="r.pdf"
            Content-Transfer-Encoding: base64

            YWJj
            --b--
            """)
        let line = ParseJSON.line(for: message, file: "dir/m.eml")
        #expect(!line.contains("\n"))
        let json = try object(line)
        #expect(Set(json.keys) == Self.contractKeys)
        #expect(json["file"] as? String == "dir/m.eml")
        #expect(json["subject"] as? String == "\"Störung\" \\ Tab\there")
        #expect((json["from"] as? [[String: String]]) == [["name": "Jörg", "address": "j@x.de"]])
        #expect((json["to"] as? [[String: String]])?.map { $0["address"] } == ["a@x.de", "b@x.de"])
        #expect((json["cc"] as? [Any])?.isEmpty == true)
        #expect((json["reply_to"] as? [[String: String]]) == [["name": "", "address": "r@x.de"]])
        #expect(json["message_id"] as? String == "m1@x.de")
        #expect(json["in_reply_to"] as? String == "p@x.de")
        #expect(json["references"] as? [String] == ["o@x.de", "p@x.de"])
        #expect(json["date"] as? String == "2001-04-21T00:18:00Z")
        #expect(json["text_body"] as? String == "Zeile 1")
        #expect(json["html_present"] as? Bool == false)
        let attachments = try #require(json["attachments"] as? [[String: Any]])
        #expect(attachments.count == 1)
        #expect(attachments.first?["filename"] as? String == "r.pdf")
        #expect(attachments.first?["content_type"] as? String == "application/pdf")
        #expect(attachments.first?["size_bytes_decoded"] as? Int == 3)
        #expect(json["auto_submitted"] as? String == "auto-replied")
        #expect(json["precedence"] is NSNull)
        #expect((json["defects"] as? [String])?.isEmpty == true)
    }

    @Test("Absent values are null, empty lists are empty")
    func emptyMessage() throws {
        let json = try object(ParseJSON.line(for: MessageParser.parse([]), file: "empty.eml"))
        for key in ["subject", "message_id", "in_reply_to", "date", "auto_submitted", "precedence"] {
            #expect(json[key] is NSNull, "\(key)")
        }
        #expect(json["text_body"] as? String == "")
        #expect((json["attachments"] as? [Any])?.isEmpty == true)
    }

    static let escapes: [Case<String, String>] = [
        Case("RFC 8259 §7 quote and backslash", "a\"b\\c", "a\"b\\c"),
        Case("RFC 8259 §7 control characters", "nul\u{0} bell\u{7} esc\u{1B} del\u{7F}", "nul\u{0} bell\u{7} esc\u{1B} del\u{7F}"),
        Case("RFC 8259 §7 CR, LF and tab", "a\r\nb\tc", "a\r\nb\tc"),
        Case("Non-ASCII stays UTF-8", "Grüße € テスト 🙂", "Grüße € テスト 🙂"),
        Case("U+2028 line separator", "a\u{2028}b", "a\u{2028}b"),
    ]

    @Test("JSON string escaping round-trips", arguments: escapes)
    func escaping(_ row: Case<String, String>) throws {
        let message = ParsedMessage(subject: row.input)
        let line = ParseJSON.line(for: message, file: "f")
        #expect(!line.contains("\n") && !line.contains("\r"))
        #expect(try object(line)["subject"] as? String == row.expected)
        if row.input.unicodeScalars.contains(where: { $0.value >= 0x80 && $0.value != 0x2028 }) {
            #expect(line.contains(row.input))
        }
    }

    @Test("Defects are listed as 'kind: detail' strings")
    func defects() throws {
        let message = MessageParser.parse(Array("From x@y Sat Apr 21 00:00:00 2001\r\nSubject: x\r\n\r\nb".utf8))
        let json = try object(ParseJSON.line(for: message, file: "f"))
        #expect(json["defects"] as? [String] == ["mbox-from-line: mbox 'From ' line skipped"])
    }
}
