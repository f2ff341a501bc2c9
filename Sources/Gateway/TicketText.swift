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
        var lines = header(history)
        for classification in history.classifications {
            lines.append("")
            lines.append("classification: \(classification.category.rawValue), suggested "
                + "\(classification.suggestedHandling?.rawValue ?? "-"), confidence \(classification.confidence)"
                + (classification.needsReview ? ", needs review" : ""))
            for reason in classification.reasons {
                lines.append("  \(reason.rule) (\(reason.weight)): \(oneLine(reason.evidence))")
            }
        }
        for (index, stored) in history.messages.enumerated() {
            lines += [""] + mail(stored, index: index + 1)
        }
        lines += section("replies", history.replies.map(reply) + history.suppressedReplies.map {
            "\(TicketJSON.timestamp($0.at)) suppressed: \(oneLine($0.detail))"
        })
        lines += section("cost acceptances", history.costAcceptances.map(acceptance))
        lines += section("time entries", history.timeEntries.map { entry in
            "\(TicketJSON.timestamp(entry.workedAt)) \(entry.minutes) min by \(entry.agent)"
                + (entry.forced ? " (forced before acceptance)" : "") + (entry.note.map { ": \(oneLine($0))" } ?? "")
        })
        lines += section("events", history.audit.map { entry in
            "\(TicketJSON.timestamp(entry.event.at)) \(entry.event.kind) by \(entry.event.actor): \(oneLine(entry.event.detail))"
        })
        return lines.joined(separator: "\n")
    }

    private static func header(_ history: TicketHistory) -> [String] {
        let ticket = history.ticket
        var billing = "time: \(history.totalMinutes) min in \(history.timeEntries.count) entries; "
            + "billable quarter hours: \(ticket.billableQuarterHours)"
        if !ticket.isBillable && !history.timeEntries.isEmpty {
            billing += ticket.handling == .extended ? " (not billable: costs not accepted)" : " (not billable: not extended support)"
        }
        return [
            "Ticket #\(ticket.number): \(oneLine(ticket.subject))",
            "status: \(ticket.status.rawValue)",
            "customer: \(ticket.customer)",
            "handling: \(ticket.handling?.rawValue ?? "-") (suggested: \(ticket.suggestedHandling?.rawValue ?? "-"), "
                + "confirmed by: \(ticket.confirmedBy ?? "-"))",
            "cost accepted: \(ticket.costAccepted.map { $0 ? "yes" : "no" } ?? "-")",
            billing,
        ] + ticket.notes.map { "note: \(oneLine($0))" }
    }

    private static func mail(_ stored: StoredMessage, index: Int) -> [String] {
        let parsed = MessageParser.parse(stored.raw)
        let from = parsed.from.first.map { $0.name.isEmpty ? $0.address : "\($0.name) <\($0.address)>" } ?? "-"
        return [
            "--- mail \(index): \(stored.messageID.map { "<\($0)>" } ?? "(no Message-ID)")\(stored.isTruncated ? " [truncated]" : "")",
            "From: \(oneLine(from))",
            "Subject: \(oneLine(parsed.subject ?? "-"))",
            "",
            terminalSafe(parsed.bodyText),
        ]
    }

    private static func reply(_ item: OutboxItem) -> String {
        "\(TicketJSON.timestamp(item.createdAt)) \(item.message.kind) to \(item.message.recipient): \(item.state.rawValue)"
            + (item.sentAt.map { " at \(TicketJSON.timestamp($0))" } ?? "") + ", \(item.attempts) attempts"
            + (item.lastError.map { ", last error: \(oneLine($0))" } ?? "")
    }

    private static func acceptance(_ answer: CostAcceptance) -> String {
        let evidence = answer.agent.map { "recorded by \($0)" } ?? answer.messageID.map { "mail <\($0)>" } ?? "mail"
        return "\(TicketJSON.timestamp(answer.at)) \(answer.accepted ? "accepted" : "refused") via \(answer.via.rawValue), "
            + evidence + (answer.note.map { ": \(oneLine($0))" } ?? "")
    }

    /// A titled block of indented lines, "none" when empty.
    private static func section(_ title: String, _ items: [String]) -> [String] {
        ["", "\(title):"] + (items.isEmpty ? ["  none"] : items.map { "  " + $0 })
    }

    /// Text from customers and agents on one line: CR, LF and tabs become spaces, so a crafted
    /// subject cannot forge lines of the listing, and other control characters are made harmless
    /// (see `terminalSafe`). Unchanged text (nearly all of it) is returned as is: the billing
    /// report writes 100,000 subjects.
    static func oneLine(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return text }
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\n" && previousWasCR { continue }
            scalars.append(scalar == "\n" || scalar == "\r" || scalar == "\t" ? " " : safe(scalar))
        }
        return String(scalars)
    }

    /// A customer's mail text for an agent's terminal: lines and tabs stay, every other control
    /// character (ESC above all: a crafted mail must not drive the terminal with escape sequences)
    /// becomes U+FFFD.
    static func terminalSafe(_ text: String) -> String {
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 10 && $0 != 9) || $0 == 0x7F || $0 == 0xC2 }) else {
            return text
        }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(scalar == "\n" || scalar == "\t" ? scalar : safe(scalar))
        }
        return String(scalars)
    }

    /// C0 and C1 control characters and DEL become U+FFFD; everything else stays.
    private static func safe(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? "\u{FFFD}" : scalar
    }
}
