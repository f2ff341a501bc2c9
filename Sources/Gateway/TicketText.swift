import Foundation
import MailCore
import Tickets

/// The human-readable form of `tickets show`.
enum TicketText {
    static func render(
        _ ticket: Ticket, messages: [StoredMessage], events: [TicketEvent], classifications: [Classification]
    ) -> String {
        var lines = [
            "Ticket #\(ticket.number): \(ticket.subject)",
            "status: \(ticket.status.rawValue)",
            "customer: \(ticket.customer)",
            "handling: \(ticket.handling?.rawValue ?? "-") (suggested: \(ticket.suggestedHandling?.rawValue ?? "-"), confirmed by: \(ticket.confirmedBy ?? "-"))",
            "cost accepted: \(ticket.costAccepted.map { $0 ? "yes" : "no" } ?? "-")",
            "billable quarter hours: \(ticket.billableQuarterHours)",
        ]
        for note in ticket.notes { lines.append("note: \(note)") }
        for classification in classifications {
            lines.append("")
            lines.append("classification: \(classification.category.rawValue), confidence \(classification.confidence)")
            for reason in classification.reasons {
                lines.append("  \(reason.rule) (\(reason.weight)): \(reason.evidence)")
            }
        }
        for (index, stored) in messages.enumerated() {
            let parsed = MessageParser.parse(stored.raw)
            lines.append("")
            lines.append("--- mail \(index + 1): \(stored.messageID.map { "<\($0)>" } ?? "(no Message-ID)")\(stored.isTruncated ? " [truncated]" : "")")
            lines.append("From: \(parsed.from.first.map { $0.name.isEmpty ? $0.address : "\($0.name) <\($0.address)>" } ?? "-")")
            lines.append("Subject: \(parsed.subject ?? "-")")
            lines.append("")
            lines.append(parsed.bodyText)
        }
        lines.append("")
        lines.append("events:")
        for event in events {
            lines.append("  \(TicketJSON.timestamp(event.at)) \(event.kind) by \(event.actor): \(event.detail)")
        }
        return lines.joined(separator: "\n")
    }
}
