import Foundation
import MailCore

/// The human-readable `parse` output for one message.
enum ParseSummary {
    /// How much of the body the summary shows.
    static let excerptLength = 300

    static func text(for message: ParsedMessage, file: String) -> String {
        var lines = ["== \(file)"]
        lines.append("Subject:     \(message.subject ?? "(none)")")
        lines.append("From:        \(addresses(message.from))")
        if !message.to.isEmpty { lines.append("To:          \(addresses(message.to))") }
        lines.append("Date:        \(message.date.map(RFC5322Date.iso8601) ?? "(none or unreadable)")")
        let body = message.bodyText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let excerpt = body.count > excerptLength ? String(body.prefix(excerptLength)) + "…" : body
        let kind = message.textBody != nil ? "text" : (message.htmlBody != nil ? "html" : "none")
        lines.append("Body (\(kind)): \(excerpt)")
        for attachment in message.attachments {
            let size = attachment.sizeBytesDecoded.map { "\($0) bytes" } ?? "size unknown"
            lines.append("Attachment:  \(attachment.filename ?? "(unnamed)") (\(attachment.contentType), \(size))")
        }
        for defect in message.defects { lines.append("Defect:      \(defect.description)") }
        return lines.joined(separator: "\n")
    }

    private static func addresses(_ list: [Mailbox]) -> String {
        guard !list.isEmpty else { return "(none)" }
        return list.map { $0.name.isEmpty ? $0.address : "\($0.name) <\($0.address)>" }.joined(separator: ", ")
    }
}
