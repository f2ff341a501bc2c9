import Foundation
import MailCore
import Tickets

/// The human-readable forms of `tickets list` and `tickets show`.
enum TicketText {
    /// One tab-separated review-queue line: number, status, handling (a suggestion not yet confirmed
    /// ends in `?`), confidence, customer, subject, top reasons.
    static func listed(_ ticket: Ticket, suggestion: Classification?) -> String {
        let handling = ticket.confirmedHandling?.rawValue ?? ticket.suggestedHandling.map { $0.rawValue + "?" } ?? "-"
        let confidence = suggestion.map { String(format: "%.2f", $0.confidence) } ?? "-"
        let reasons = suggestion.map { TicketJSON.topReasons($0).map(\.rule).joined(separator: ",") } ?? ""
        return [ticket.number, ticket.status.rawValue, handling, confidence, ticket.customer, oneLine(ticket.subject),
                reasons.isEmpty ? "-" : reasons].joined(separator: "\t")
    }

    static func render(_ history: TicketHistory) -> String {
        let ticket = history.ticket
        var lines = [
            "Ticket #\(ticket.number): \(oneLine(ticket.subject))",
            "status: \(ticket.status.rawValue)",
            "customer: \(ticket.customer)",
            "handling: \(ticket.handling?.rawValue ?? "-") (suggested: \(ticket.suggestedHandling?.rawValue ?? "-"), confirmed by: \(ticket.confirmedBy ?? "-"))",
            "cost accepted: \(ticket.costAccepted.map { $0 ? "yes" : "no" } ?? "-")",
            "time: \(history.totalMinutes) min in \(history.timeEntries.count) entries; billable quarter hours: \(ticket.billableQuarterHours)"
                + (ticket.isBillable || history.timeEntries.isEmpty ? "" : " (not billable: \(ticket.handling == .extended ? "costs not accepted" : "not extended support"))"),
        ]
        for note in ticket.notes { lines.append("note: \(note)") }
        for classification in history.classifications {
            lines.append("")
            lines.append("classification: \(classification.category.rawValue), suggested \(classification.suggestedHandling?.rawValue ?? "-"), "
                + "confidence \(classification.confidence)\(classification.needsReview ? ", needs review" : "")")
            for reason in classification.reasons {
                lines.append("  \(reason.rule) (\(reason.weight)): \(oneLine(reason.evidence))")
            }
        }
        for (index, stored) in history.messages.enumerated() {
            let parsed = MessageParser.parse(stored.raw)
            lines.append("")
            lines.append("--- mail \(index + 1): \(stored.messageID.map { "<\($0)>" } ?? "(no Message-ID)")\(stored.isTruncated ? " [truncated]" : "")")
            lines.append("From: \(parsed.from.first.map { $0.name.isEmpty ? $0.address : "\($0.name) <\($0.address)>" } ?? "-")")
            lines.append("Subject: \(oneLine(parsed.subject ?? "-"))")
            lines.append("")
            lines.append(parsed.bodyText)
        }
        lines.append("")
        lines.append("replies:")
        for item in history.replies {
            lines.append("  \(TicketJSON.timestamp(item.createdAt)) \(item.message.kind) to \(item.message.recipient): \(item.state.rawValue)"
                + (item.sentAt.map { " at \(TicketJSON.timestamp($0))" } ?? "") + ", \(item.attempts) attempts"
                + (item.lastError.map { ", last error: \(oneLine($0))" } ?? ""))
        }
        for event in history.suppressedReplies {
            lines.append("  \(TicketJSON.timestamp(event.at)) suppressed: \(event.detail)")
        }
        if history.replies.isEmpty && history.suppressedReplies.isEmpty { lines.append("  none") }
        lines.append("")
        lines.append("cost acceptances:")
        for answer in history.costAcceptances {
            let evidence = answer.agent.map { "recorded by \($0)" } ?? answer.messageID.map { "mail <\($0)>" } ?? "mail"
            lines.append("  \(TicketJSON.timestamp(answer.at)) \(answer.accepted ? "accepted" : "refused") via \(answer.via.rawValue), "
                + evidence + (answer.note.map { ": \(oneLine($0))" } ?? ""))
        }
        if history.costAcceptances.isEmpty { lines.append("  none") }
        lines.append("")
        lines.append("time entries:")
        for entry in history.timeEntries {
            lines.append("  \(TicketJSON.timestamp(entry.workedAt)) \(entry.minutes) min by \(entry.agent)"
                + (entry.forced ? " (forced before acceptance)" : "") + (entry.note.map { ": \(oneLine($0))" } ?? ""))
        }
        if history.timeEntries.isEmpty { lines.append("  none") }
        lines.append("")
        lines.append("events:")
        for entry in history.audit {
            let event = entry.event
            lines.append("  \(TicketJSON.timestamp(event.at)) \(event.kind) by \(event.actor): \(oneLine(event.detail))")
        }
        return lines.joined(separator: "\n")
    }

    /// Text from customers and agents on one line: CR, LF and tabs become spaces, so a crafted
    /// subject cannot forge lines of the listing.
    /// Unchanged text (nearly all of it) is returned as is: the billing report writes 100,000 subjects.
    static func oneLine(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 10 || $0 == 13 || $0 == 9 }) else { return text }
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\n" && previousWasCR { continue }
            scalars.append(scalar == "\n" || scalar == "\r" || scalar == "\t" ? " " : scalar)
        }
        return String(scalars)
    }
}
