import Foundation
import MailCore
public import Tickets

/// The agents' writes (`AgentDesk`): each is one write transaction around a `TicketWorkflow`
/// decision, so a refusal or a failure rolls everything back.
extension SQLiteTicketStore: AgentDesk {
    public func confirm(_ decision: HandlingDecision, compose: (NoticeRequest) -> OutboxMessage?) throws -> ConfirmationOutcome {
        try database.writeTransaction {
            let row = try agentTicket(decision.ticketNumber)
            let costNoticeSent = try database.first(
                "SELECT 1 FROM outbox WHERE ticket_id = ? AND kind = ? LIMIT 1",
                [.integer(row.id), .text(CustomerNotice.costNotice.rawValue)]) { _ in true } ?? false
            let confirmation = try TicketWorkflow.confirm(row.ticket, as: decision.handling, costNoticeSent: costNoticeSent)
            var ticket = row.ticket
            ticket.confirmedHandling = confirmation.confirmed
            ticket.confirmedBy = decision.agent
            ticket.status = confirmation.status
            let now = UTCTimestamp.text(decision.at)
            try database.run("""
                UPDATE tickets SET confirmed_handling = ?, confirmed_by = ?, confirmed_at = ?, status = ?, updated_at = ?
                WHERE id = ?
                """, [.text(confirmation.confirmed.rawValue), .text(decision.agent), .text(now),
                      .text(confirmation.status.rawValue), .text(now), .integer(row.id)])
            let suggested = confirmation.suggested?.rawValue ?? "none"
            let verb = confirmation.isOverride ? "overrode" : "confirmed"
            try insertEvent(TicketEvent(
                kind: confirmation.isOverride ? "handling.overridden" : "handling.confirmed", actor: decision.agent,
                detail: "\(verb) \(suggested) → \(confirmation.confirmed.rawValue); status \(confirmation.statusBefore.rawValue) → "
                    + "\(confirmation.status.rawValue)" + (decision.note.map { "; note: \($0)" } ?? ""),
                at: decision.at), data: [
                    "handling_before": suggested, "handling_after": confirmation.confirmed.rawValue,
                    "status_before": confirmation.statusBefore.rawValue, "status_after": confirmation.status.rawValue,
                    "note": decision.note ?? "",
                ], ticketID: row.id)
            var queued: OutboxMessage?
            var skipped: String?
            if let notice = confirmation.notice {
                (queued, skipped) = try queueNotice(notice, ticket: ticket, row: row, agent: decision.agent, at: decision.at,
                                                    compose: compose)
            }
            ticket.billableQuarterHours = ticket.billableQuarterHours(totalMinutes: try totalMinutes(ticketID: row.id))
            return ConfirmationOutcome(ticket: ticket, confirmation: confirmation, queued: queued, noticeSkipped: skipped)
        }
    }

    public func acceptCosts(_ acceptance: AgentCostAcceptance, compose: (NoticeRequest) -> OutboxMessage?) throws -> Ticket {
        try database.writeTransaction {
            let row = try agentTicket(acceptance.ticketNumber)
            let status = try TicketWorkflow.acceptCosts(row.ticket)
            let now = UTCTimestamp.text(acceptance.at)
            try database.run("""
                INSERT INTO cost_acceptances (ticket_id, accepted, via, agent, note, created_at) VALUES (?, 1, ?, ?, ?, ?)
                """, [.integer(row.id), .text(acceptance.via.rawValue), .text(acceptance.agent), .optional(acceptance.note),
                      .text(now)])
            try database.run("UPDATE tickets SET cost_accepted = 1, status = ?, updated_at = ? WHERE id = ?",
                             [.text(status.rawValue), .text(now), .integer(row.id)])
            try insertEvent(TicketEvent(
                kind: "cost.accepted", actor: acceptance.agent,
                detail: "by \(acceptance.via.rawValue), recorded by \(acceptance.agent); status \(row.ticket.status.rawValue) → "
                    + "\(status.rawValue)" + (acceptance.note.map { "; note: \($0)" } ?? ""),
                at: acceptance.at), data: [
                    "via": acceptance.via.rawValue, "status_before": row.ticket.status.rawValue, "status_after": status.rawValue,
                    "note": acceptance.note ?? "",
                ], ticketID: row.id)
            var ticket = row.ticket
            ticket.costAccepted = true
            ticket.status = status
            ticket.billableQuarterHours = ticket.billableQuarterHours(totalMinutes: try totalMinutes(ticketID: row.id))
            _ = try queueNotice(.costAccepted, ticket: ticket, row: row, agent: acceptance.agent, at: acceptance.at,
                                acceptedVia: acceptance.via, compose: compose)
            return ticket
        }
    }

    public func close(_ closing: TicketClosing) throws -> Ticket {
        try database.writeTransaction {
            let row = try agentTicket(closing.ticketNumber)
            let status = try TicketWorkflow.close(row.ticket)
            let now = UTCTimestamp.text(closing.at)
            try database.run("UPDATE tickets SET status = ?, updated_at = ? WHERE id = ?",
                             [.text(status.rawValue), .text(now), .integer(row.id)])
            try insertEvent(TicketEvent(
                kind: "ticket.closed", actor: closing.agent,
                detail: "status \(row.ticket.status.rawValue) → closed" + (closing.note.map { "; note: \($0)" } ?? ""),
                at: closing.at), data: [
                    "status_before": row.ticket.status.rawValue, "status_after": status.rawValue, "note": closing.note ?? "",
                ], ticketID: row.id)
            var ticket = row.ticket
            ticket.status = status
            ticket.billableQuarterHours = ticket.billableQuarterHours(totalMinutes: try totalMinutes(ticketID: row.id))
            return ticket
        }
    }

    public func logTime(_ entry: TimeEntryRequest) throws -> Ticket {
        try database.writeTransaction {
            let row = try agentTicket(entry.ticketNumber)
            let forced = try TicketWorkflow.logTime(on: row.ticket, force: entry.force, note: entry.note)
            let now = UTCTimestamp.text(entry.at)
            try database.run("""
                INSERT INTO time_entries (ticket_id, agent, minutes, note, forced, worked_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [.integer(row.id), .text(entry.agent), .int(entry.minutes), .optional(entry.note), .bool(forced),
                      .text(now), .text(now)])
            let total = try totalMinutes(ticketID: row.id)
            var ticket = row.ticket
            ticket.billableQuarterHours = ticket.billableQuarterHours(totalMinutes: total)
            try insertEvent(TicketEvent(
                kind: forced ? "time.logged.forced" : "time.logged", actor: entry.agent,
                detail: "\(entry.minutes) min (ticket total \(total) min, \(ticket.billableQuarterHours) billable quarter hours)"
                    + (entry.note.map { "; note: \($0)" } ?? ""),
                at: entry.at), data: [
                    "minutes": String(entry.minutes), "total_minutes": String(total), "forced": forced ? "true" : "false",
                    "note": entry.note ?? "",
                ], ticketID: row.id)
            return ticket
        }
    }

    /// The ticket row an agent command works on, with what a notice needs; unknown → `WorkflowRefusal.unknownTicket`.
    struct AgentTicketRow {
        var id: Int64
        var ticket: Ticket
        var language: String?
    }

    func agentTicket(_ number: String) throws -> AgentTicketRow {
        guard let value = Int(number),
              let found = try database.first("SELECT id, language FROM tickets WHERE number = ?", [.int(value)], row: {
                  ($0.int64(0), $0.text(1))
              }),
              let ticket = try database.first(Self.ticketSelect + " WHERE t.id = ?", [.integer(found.0)], row: Self.readTicket)
        else { throw WorkflowRefusal.unknownTicket(number) }
        return AgentTicketRow(id: found.0, ticket: ticket, language: found.1)
    }

    func totalMinutes(ticketID: Int64) throws -> Int {
        try database.first("SELECT COALESCE(SUM(minutes), 0) FROM time_entries WHERE ticket_id = ?", [.integer(ticketID)]) {
            $0.int(0)
        } ?? 0
    }

    /// An audit event with its structured data (`events.data_json`).
    private func insertEvent(_ event: TicketEvent, data: [String: String], ticketID: Int64) throws {
        try database.run(
            "INSERT INTO events (ticket_id, kind, actor, detail, data_json, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [.integer(ticketID), .text(event.kind), .text(event.actor), .text(event.detail),
             .text(JSONText.foundationEncoded(data)), .text(UTCTimestamp.text(event.at))])
    }

    /// Composes the notice in reply to the customer's latest mail and queues it with a `reply.queued`
    /// event, or records why it was not (`reply.suppressed`).
    private func queueNotice(
        _ notice: CustomerNotice, ticket: Ticket, row: AgentTicketRow, agent: String, at date: Date,
        acceptedVia: AcceptanceChannel? = nil, compose: (NoticeRequest) -> OutboxMessage?
    ) throws -> (OutboxMessage?, String?) {
        let latest = try database.first(
            "SELECT raw FROM messages WHERE ticket_id = ? ORDER BY id DESC LIMIT 1", [.integer(row.id)]) { $0.blob(0) }
            .map { MessageParser.parse($0) }
        var message: OutboxMessage?
        var skipped: String?
        if ticket.customer.isEmpty {
            skipped = "the ticket has no customer address"
        } else {
            let references = (latest?.references ?? []) + (latest?.messageID.map { [$0] } ?? [])
            message = compose(NoticeRequest(
                notice: notice, ticket: ticket, language: row.language,
                recipientName: (latest?.replyTo.first ?? latest?.from.first)?.name ?? "", inReplyTo: latest?.messageID,
                references: references, key: "agent-\(notice.rawValue)-\(ticket.number)", at: date,
                acceptedVia: acceptedVia))
            if message == nil { skipped = "replies are off (the configuration has no smtp section)" }
        }
        if let message {
            try SQLiteOutbox.insert(message, ticketID: row.id, answering: nil, at: date, in: database)
            try SQLiteEvents.insert(TicketEvent(
                kind: "reply.queued", actor: agent,
                detail: "\(message.kind) to \(message.recipient) <\(message.messageID)>", at: date),
                ticketID: row.id, in: database)
        } else if let skipped {
            try SQLiteEvents.insert(TicketEvent(
                kind: "reply.suppressed", actor: agent, detail: "\(notice.rawValue) not queued: \(skipped)",
                at: date), ticketID: row.id, in: database)
        }
        return (message, skipped)
    }
}
