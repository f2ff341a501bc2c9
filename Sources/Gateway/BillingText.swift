import Tickets

/// The billing report for people (one tab-separated line per ticket under its customer, totals)
/// and as JSON Lines for scripts.
enum BillingText {
    static func render(_ report: BillingReport) -> String {
        let rate = MoneyAmount(cents: report.rateCents, currency: report.currency)
        func money(_ cents: Int) -> String { MoneyAmount(cents: cents, currency: report.currency).formatted(language: "de") }
        var text = "billing \(report.month): \(rate.formatted(language: "de")) per started quarter hour, rounded per ticket\n"
        for customer in report.customers {
            text += "\n\(TicketText.oneLine(customer.customer))\n"
            for line in customer.lines {
                text += "  #\(line.ticketNumber)\t\(line.minutes) min\t\(line.quarterHours) quarter hours\t"
                    + "\(money(line.amountCents))\t\(TicketText.oneLine(line.subject))\n"
            }
            text += "  total\t\(customer.minutes) min\t\(customer.quarterHours) quarter hours\t\(money(customer.amountCents))\n"
        }
        text += "\ntotal \(report.month): \(report.customers.count) customers, \(report.customers.reduce(0) { $0 + $1.lines.count }) tickets, "
            + "\(report.minutes) min, \(report.quarterHours) quarter hours, \(money(report.amountCents))\n"
        return text
    }

    /// One object per ticket, per customer total and for the month, amounts in integer cents.
    static func jsonLines(_ report: BillingReport) throws -> String {
        var text = ""
        func line(_ row: String, _ fields: [String: Any], minutes: Int, quarterHours: Int, cents: Int) throws {
            var object = fields
            object["row"] = row
            object["month"] = report.month.description
            object["minutes"] = minutes
            object["quarter_hours"] = quarterHours
            object["amount_cents"] = cents
            object["currency"] = report.currency
            text += try JSONLine.encode(object) + "\n"
        }
        for customer in report.customers {
            for item in customer.lines {
                try line("ticket", ["customer": item.customer, "ticket": item.ticketNumber, "subject": item.subject],
                         minutes: item.minutes, quarterHours: item.quarterHours, cents: item.amountCents)
            }
            try line("customer_total", ["customer": customer.customer], minutes: customer.minutes,
                     quarterHours: customer.quarterHours, cents: customer.amountCents)
        }
        try line("total", ["rate_cents": report.rateCents], minutes: report.minutes, quarterHours: report.quarterHours,
                 cents: report.amountCents)
        return text
    }
}
