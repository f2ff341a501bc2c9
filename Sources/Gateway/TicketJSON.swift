import Foundation
import MailCore
import Tickets

/// The `--json` shapes of `tickets list` and `tickets show` (contracts/cli.md keys, snake_case).
enum TicketJSON {
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

    static func detail(
        _ ticket: Ticket, messages: [StoredMessage], events: [TicketEvent], classifications: [Classification]
    ) -> [String: Any] {
        var object = summary(ticket)
        object["messages"] = messages.map(message)
        object["events"] = events.map {
            ["kind": $0.kind, "actor": $0.actor, "detail": $0.detail, "at": timestamp($0.at)] as [String: Any]
        }
        object["classifications"] = classifications.map(classification)
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
            "reasons": value.reasons.map {
                ["rule": $0.rule, "weight": $0.weight, "evidence": $0.evidence] as [String: Any]
            },
        ]
    }

    /// One JSON Lines line, keys sorted so output is stable.
    static func line(_ object: [String: Any]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
