/// The billing report as CSV: a header, one row per ticket, one total row per customer and one for
/// the whole month, told apart by the first column (`ticket`, `customer total`, `total`).
///
/// Plain CSV is RFC 4180 (`,`, decimal point, UTF-8 without BOM). The German Excel style uses `;`,
/// a decimal comma and a UTF-8 byte order mark, without which Excel reads UTF-8 as Windows-1252
/// and garbles umlauts.
public enum BillingCSV {
    public enum Style: Sendable, Hashable {
        case standard
        case germanExcel
    }

    public static let header = ["row", "month", "customer", "ticket", "subject", "minutes", "quarter_hours", "amount", "currency"]

    public static func render(_ report: BillingReport, style: Style) -> String {
        let german = style == .germanExcel
        var writer = CSVWriter(separator: german ? ";" : ",")
        writer.row(header.map(CSVWriter.Cell.text))
        let month = CSVWriter.Cell.text(report.month.description)
        let currency = CSVWriter.Cell.text(report.currency)
        func amount(_ cents: Int) -> CSVWriter.Cell {
            .number(MoneyAmount(cents: cents, currency: report.currency).decimalString(decimalComma: german))
        }
        for customer in report.customers {
            for line in customer.lines {
                writer.row([.text("ticket"), month, .text(line.customer), .number(line.ticketNumber), .text(line.subject),
                            .number(String(line.minutes)), .number(String(line.quarterHours)), amount(line.amountCents), currency])
            }
            writer.row([.text("customer total"), month, .text(customer.customer), .text(""), .text(""),
                        .number(String(customer.minutes)), .number(String(customer.quarterHours)),
                        amount(customer.amountCents), currency])
        }
        writer.row([.text("total"), month, .text(""), .text(""), .text(""), .number(String(report.minutes)),
                    .number(String(report.quarterHours)), amount(report.amountCents), currency])
        return (german ? "\u{FEFF}" : "") + writer.text
    }
}
