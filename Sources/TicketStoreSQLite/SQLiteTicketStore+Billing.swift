public import Foundation
public import Tickets

/// Billing and rule feedback: aggregates over time entries and decisions, done in SQL so that the
/// monthly report over 100,000 tickets reads only the month's tickets (indexes on `worked_at` and
/// `ticket_id`).
extension SQLiteTicketStore {
    /// The SQL form of `Ticket.isBillable`.
    static let billable = "t.cost_accepted = 1 AND COALESCE(t.confirmed_handling, t.suggested_handling) = 'extended'"

    public func billableQuarterHours(ticketNumbers: [String]) throws -> [String: Int] {
        var hours: [String: Int] = [:]
        for number in ticketNumbers {
            guard let value = Int(number) else { continue }
            let minutes = try database.first("""
                SELECT COALESCE(SUM(e.minutes), 0) FROM tickets t JOIN time_entries e ON e.ticket_id = t.id
                WHERE t.number = ? AND \(Self.billable)
                """, [.int(value)]) { $0.int(0) } ?? 0
            hours[number] = QuarterHourBilling.quarterHours(totalMinutes: minutes)
        }
        return hours
    }

    public func billingWork(month: BillingMonth, timeZone: TimeZone) throws -> [BillingWork] {
        let (start, end) = month.interval(in: timeZone)
        return try database.query("""
            SELECT t.customer, t.number, t.subject,
                   SUM(CASE WHEN e.worked_at >= ?1 THEN e.minutes ELSE 0 END),
                   SUM(CASE WHEN e.worked_at < ?1 THEN e.minutes ELSE 0 END)
            FROM tickets t JOIN time_entries e ON e.ticket_id = t.id
            WHERE t.id IN (SELECT ticket_id FROM time_entries WHERE worked_at >= ?1 AND worked_at < ?2)
              AND e.worked_at < ?2 AND \(Self.billable)
            GROUP BY t.id
            """, [.text(UTCTimestamp.text(start)), .text(UTCTimestamp.text(end))]) {
            BillingWork(customer: $0.text(0) ?? "", ticketNumber: String($0.int64(1)), subject: $0.text(2) ?? "",
                        minutesInMonth: $0.int(3), minutesBefore: $0.int(4))
        }
    }

    public func ruleDecisions() throws -> [RuleFeedback.Decision] {
        try database.query("""
            SELECT c.reasons_json, t.suggested_handling, t.confirmed_handling
            FROM tickets t JOIN classifications c ON c.id = (SELECT MIN(id) FROM classifications WHERE ticket_id = t.id)
            """) {
            RuleFeedback.Decision(
                rules: Set(JSONText.decode([ClassificationReason].self, from: $0.text(0), fallback: []).map(\.rule)),
                suggested: $0.text(1).flatMap(Handling.init(rawValue:)), confirmed: $0.text(2).flatMap(Handling.init(rawValue:)))
        }
    }
}
