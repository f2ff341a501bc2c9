import Foundation
public import Tickets

/// What agents read beside the intake's records: time, cost answers, the audit trail with its data.
extension SQLiteTicketStore {
    public func timeEntries(ticketNumber: String) throws -> [TimeEntry] {
        try database.query("""
            SELECT e.minutes, e.agent, e.note, e.forced, e.worked_at
            FROM time_entries e JOIN tickets t ON t.id = e.ticket_id WHERE t.number = ? ORDER BY e.id
            """, [.int(Int(ticketNumber) ?? -1)]) {
            TimeEntry(minutes: $0.int(0), agent: $0.text(1) ?? "", note: $0.text(2), forced: $0.int(3) != 0,
                      workedAt: UTCTimestamp.date($0.text(4)))
        }
    }

    public func costAcceptances(ticketNumber: String) throws -> [CostAcceptance] {
        try database.query("""
            SELECT a.accepted, a.via, a.agent, m.message_id, a.note, a.created_at
            FROM cost_acceptances a JOIN tickets t ON t.id = a.ticket_id LEFT JOIN messages m ON m.id = a.message_row
            WHERE t.number = ? ORDER BY a.id
            """, [.int(Int(ticketNumber) ?? -1)]) {
            CostAcceptance(accepted: $0.int(0) != 0, via: $0.text(1).flatMap(AcceptanceChannel.init(rawValue:)) ?? .mail,
                           agent: $0.text(2), messageID: $0.text(3), note: $0.text(4),
                           at: UTCTimestamp.date($0.text(5)))
        }
    }

    public func auditTrail(ticketNumber: String) throws -> [AuditEntry] {
        try database.query("""
            SELECT e.kind, e.actor, e.detail, e.created_at, e.data_json
            FROM events e JOIN tickets t ON t.id = e.ticket_id WHERE t.number = ? ORDER BY e.id
            """, [.int(Int(ticketNumber) ?? -1)]) {
            AuditEntry(
                event: TicketEvent(kind: $0.text(0) ?? "", actor: $0.text(1) ?? "", detail: $0.text(2) ?? "",
                                   at: UTCTimestamp.date($0.text(3))),
                data: JSONText.decode([String: String].self, from: $0.text(4), fallback: [:]))
        }
    }

    public func suggestionClassification(ticketNumber: String) throws -> Classification? {
        try database.first("""
            SELECT c.category, c.suggested_handling, c.confidence, c.needs_review, c.language, c.reasons_json
            FROM classifications c JOIN tickets t ON t.id = c.ticket_id WHERE t.number = ? ORDER BY c.id LIMIT 1
            """, [.int(Int(ticketNumber) ?? -1)]) {
            Classification(
                category: $0.text(0).flatMap(Classification.Category.init(rawValue:)) ?? .standard,
                suggestedHandling: $0.text(1).flatMap(Handling.init(rawValue:)), confidence: $0.double(2),
                needsReview: $0.int(3) != 0, language: $0.text(4),
                reasons: JSONText.decode([ClassificationReason].self, from: $0.text(5), fallback: []))
        }
    }
}
