import Foundation
import MailCore

/// The fields of the `parse --json` contract (shared/contracts/parse-json.md), read either from a
/// golden .json file or from a `ParsedMessage`, and compared the way the contract judges them:
/// strings after NFC and whitespace collapsing, addresses case-insensitively as multisets, dates
/// as instants, attachments as a multiset with a size tolerance of max(4 bytes, 2 %).
struct GoldenContractFields {
    static let names = [
        "subject", "from", "to", "cc", "reply_to", "message_id", "in_reply_to", "references", "date",
        "text_body", "html_present", "attachments", "auto_submitted", "precedence",
    ]
    static let addressFields: Set<String> = ["from", "to", "cc", "reply_to"]

    /// JSON values as JSONSerialization reads and writes them.
    var values: [String: Any]

    init(json: Data) throws {
        guard let object = try JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw GoldenFileError.notAnObject
        }
        values = object
    }

    init(_ message: ParsedMessage) {
        func boxes(_ list: [Mailbox]) -> [[String: Any]] {
            list.map { ["name": $0.name, "address": $0.address] }
        }
        values = [
            "subject": message.subject ?? NSNull(),
            "from": boxes(message.from), "to": boxes(message.to), "cc": boxes(message.cc),
            "reply_to": boxes(message.replyTo),
            "message_id": message.messageID ?? NSNull(),
            "in_reply_to": message.inReplyTo ?? NSNull(),
            "references": message.references,
            "date": message.date.map(Self.isoString) ?? NSNull(),
            "text_body": message.textBody ?? NSNull(),
            "html_present": message.htmlBody != nil,
            "attachments": message.attachments.map { attachment -> [String: Any] in
                ["filename": attachment.filename ?? NSNull(), "content_type": attachment.contentType,
                 "size_bytes_decoded": attachment.sizeBytesDecoded ?? NSNull()]
            },
            "auto_submitted": message.autoSubmitted ?? NSNull(),
            "precedence": message.precedence ?? NSNull(),
        ]
    }

    func jsonData() throws -> Data {
        try JSONSerialization.data(withJSONObject: values, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// The field names on which `self` (expected) and `actual` disagree.
    func disagreements(with actual: GoldenContractFields) -> [String] {
        Self.names.filter { !agree(on: $0, expected: values[$0], actual: actual.values[$0]) }
    }

    private func agree(on field: String, expected: Any?, actual: Any?) -> Bool {
        switch field {
        case _ where Self.addressFields.contains(field):
            return Self.mailboxes(expected) == Self.mailboxes(actual)
        case "references":
            return Self.list(expected).map { Self.text($0) } == Self.list(actual).map { Self.text($0) }
        case "date":
            return Self.instant(expected) == Self.instant(actual)
        case "html_present":
            return (expected as? Bool ?? false) == (actual as? Bool ?? false)
        case "attachments":
            return Self.attachmentsAgree(Self.list(expected), Self.list(actual))
        default:
            return Self.text(expected) == Self.text(actual)
        }
    }

    static func isoString(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// NFC and whitespace collapsing; nil for JSON null or a missing key.
    static func text(_ value: Any?) -> String? {
        guard let string = value as? String else { return nil }
        return string.precomposedStringWithCanonicalMapping
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func list(_ value: Any?) -> [Any] {
        value as? [Any] ?? []
    }

    static func mailboxes(_ value: Any?) -> [String] {
        list(value).compactMap { $0 as? [String: Any] }
            .map { (text($0["name"]) ?? "").lowercased() + "\u{0}" + (text($0["address"]) ?? "").lowercased() }
            .sorted()
    }

    static func instant(_ value: Any?) -> Double? {
        guard let string = value as? String else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: string)?.timeIntervalSince1970 ?? .nan
    }

    static func basename(_ name: String?) -> String? {
        name.map { String($0.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "") }
    }

    static func attachmentMatches(_ expected: [String: Any], _ actual: [String: Any]) -> Bool {
        guard (expected["content_type"] as? String)?.lowercased() == (actual["content_type"] as? String)?.lowercased()
        else { return false }
        let want = text(expected["filename"])
        let got = text(actual["filename"])
        guard want == got || basename(want) == basename(got) else { return false }
        guard let size = expected["size_bytes_decoded"] as? Int else { return true }
        guard let other = actual["size_bytes_decoded"] as? Int else { return false }
        return Double(abs(size - other)) <= max(4, 0.02 * Double(size))
    }

    static func attachmentsAgree(_ expected: [Any], _ actual: [Any]) -> Bool {
        var remaining = actual.compactMap { $0 as? [String: Any] }
        for case let want as [String: Any] in expected {
            guard let match = remaining.firstIndex(where: { attachmentMatches(want, $0) }) else { return false }
            remaining.remove(at: match)
        }
        return remaining.isEmpty
    }
}
