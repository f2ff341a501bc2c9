import Tickets

/// The human-readable billing report: one tab-separated line per ticket under its customer, totals.
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
}
