import Foundation
import MailCore
import Tickets

/// The `--json` shapes of `tickets list` and `tickets show` (contracts/cli.md keys, snake_case).
enum TicketJSON {
    /// How many of the suggestion's reasons the review queue shows, strongest first.
    static let topReasonCount = 3

    static func summary(_ ticket: Ticket) -> [String: Any] {
        [
            "number": ticket.number,
            "status": ticket.status.rawValue,
            "customer": ticket.customer,
            "subject": ticket.subject,
            "suggested_handling": ticket.suggestedHandling?.rawValue ?? NSNull(),
            "handling": ticket.handling?.rawValue ?? NSNull(),
            "confirmed_by": ticket.confirmedBy ?? NSNull(),
            "cost_accepted": ticket.costAccepted.map { $0 as Any } ?? NSNull(),
            "message_ids": ticket.messageIDs,
            "billable_quarter_hours": ticket.billableQuarterHours,
            "created_at": timestamp(ticket.createdAt),
            "notes": ticket.notes,
        ]
    }

    /// A review-queue line: the summary plus the suggestion's confidence and top reasons.
    static func listed(_ ticket: Ticket, suggestion: Classification?) -> [String: Any] {
        var object = summary(ticket)
        object["confidence"] = suggestion?.confidence ?? NSNull()
        object["needs_review"] = suggestion?.needsReview ?? NSNull()
        object["top_reasons"] = (suggestion.map(topReasons) ?? []).map(reason)
        return object
    }

    static func topReasons(_ classification: Classification) -> [ClassificationReason] {
        Array(classification.reasons.sorted { abs($0.weight) > abs($1.weight) }.prefix(topReasonCount))
    }

    static func detail(_ history: TicketHistory) -> [String: Any] {
        var object = summary(history.ticket)
        object["messages"] = history.messages.map(message)
        object["classifications"] = history.classifications.map(classification)
        object["events"] = history.audit.map { entry in
            var event: [String: Any] = ["kind": entry.event.kind, "actor": entry.event.actor, "detail": entry.event.detail,
                                        "at": timestamp(entry.event.at)]
            if !entry.data.isEmpty { event["data"] = entry.data }
            return event
        }
        object["replies"] = history.replies.map { item in
            [
                "kind": item.message.kind, "recipient": item.message.recipient, "message_id": item.message.messageID,
                "state": item.state.rawValue, "attempts": item.attempts, "last_error": item.lastError ?? NSNull(),
                "queued_at": timestamp(item.createdAt), "sent_at": item.sentAt.map(timestamp) ?? NSNull(),
            ] as [String: Any]
        }
        object["suppressed_replies"] = history.suppressedReplies.map {
            ["reason": $0.detail, "actor": $0.actor, "at": timestamp($0.at)] as [String: Any]
        }
        object["cost_acceptances"] = history.costAcceptances.map {
            [
                "accepted": $0.accepted, "via": $0.via.rawValue, "agent": $0.agent ?? NSNull(),
                "message_id": $0.messageID ?? NSNull(), "note": $0.note ?? NSNull(), "at": timestamp($0.at),
            ] as [String: Any]
        }
        object["time_entries"] = history.timeEntries.map {
            [
                "minutes": $0.minutes, "agent": $0.agent, "note": $0.note ?? NSNull(), "forced": $0.forced,
                "worked_at": timestamp($0.workedAt),
            ] as [String: Any]
        }
        object["total_minutes"] = history.totalMinutes
        return object
    }

    static func message(_ stored: StoredMessage) -> [String: Any] {
        let parsed = MessageParser.parse(stored.raw)
        return [
            "message_id": stored.messageID ?? NSNull(),
            "received_at": timestamp(stored.receivedAt),
            "size": stored.size,
            "truncated": stored.isTruncated,
            "from": parsed.from.first?.address ?? NSNull(),
            "subject": parsed.subject ?? NSNull(),
            "text": parsed.bodyText,
        ]
    }

    static func classification(_ value: Classification) -> [String: Any] {
        [
            "category": value.category.rawValue,
            "suggested_handling": value.suggestedHandling?.rawValue ?? NSNull(),
            "confidence": value.confidence,
            "needs_review": value.needsReview,
            "language": value.language ?? NSNull(),
            "reasons": value.reasons.map(reason),
        ]
    }

    static func reason(_ reason: ClassificationReason) -> [String: Any] {
        ["rule": reason.rule, "weight": reason.weight, "evidence": reason.evidence]
    }

    /// One JSON Lines line, keys sorted so output is stable.
    static func line(_ object: [String: Any]) throws -> String {
        try JSONLine.encode(object)
    }

    /// ISO 8601 UTC with milliseconds, e.g. `2026-11-29T18:46:49.123Z`. The milliseconds are rounded
    /// here (the format style truncates, and `.978` read back from the store is `.97799…` as a double).
    static func timestamp(_ date: Date) -> String {
        var (seconds, milliseconds) = Int64((date.timeIntervalSince1970 * 1000).rounded()).quotientAndRemainder(dividingBy: 1000)
        if milliseconds < 0 {
            milliseconds += 1000
            seconds -= 1
        }
        let whole = Date(timeIntervalSince1970: Double(seconds)).formatted(secondsStyle)
        let fraction = String(milliseconds)
        return whole.dropLast() + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + "Z"
    }

    /// `2026-11-29T18:46:49Z`.
    private static let secondsStyle = Date.ISO8601FormatStyle()
}
