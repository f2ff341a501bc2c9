import Foundation
import Tickets

/// `billing report --month YYYY-MM [--csv [--semicolon]]`: billable quarter hours and amounts per
/// customer and ticket for one month (rules: `BillingReport`).
enum BillingCommand: Command {
    static let name = "billing"
    static let summary = "monthly billing report (started quarter hours per ticket)"
    static let usage = """
        usage: support-intake billing report --month YYYY-MM [--csv [--semicolon] | --json] [--config F]
          Per customer and ticket: the minutes worked in the month, the started quarter hours billed
          and the amount, with totals per customer and for the month.
          Only extended tickets whose costs the customer accepted are billed. Rounding is per ticket:
          the ticket's running total is rounded up to started quarter hours, and a month bills the
          quarter hours started in it (7 + 10 + 20 minutes = 37 = 3 quarter hours, not 1 + 1 + 2).
          A time entry belongs to the month it was logged in, in billing.timeZone of the
          configuration (an IANA name; default Europe/Berlin).
          --csv: RFC 4180 CSV (UTF-8, header row, comma, decimal point).
          --semicolon: with --csv, for German Excel: semicolons, decimal commas, UTF-8 byte order mark.
          --json: one JSON object per line: "row" is ticket, customer_total or total; amounts in integer cents.
          The rate is billing.quarterHourRateCents of the configuration, in billing.currency.
        """

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let verb = try arguments.positional("a subcommand (report)")
        guard verb == "report" else { throw CommandError.usage("unknown billing subcommand '\(verb)' (expected report)") }
        let csv = arguments.flag("--csv"), semicolon = arguments.flag("--semicolon"), json = arguments.flag("--json")
        guard let monthText = try arguments.option("--month") else {
            throw CommandError.usage("--month YYYY-MM is required")
        }
        let month: BillingMonth
        do { month = try BillingMonth(monthText) } catch let problem as AgentInput.Problem {
            throw CommandError.usage(problem.description)
        }
        if semicolon && !csv { throw CommandError.usage("--semicolon needs --csv") }
        if csv && json { throw CommandError.usage("--csv and --json exclude each other") }
        let configuration = try arguments.configuration()
        try arguments.finish()
        guard let rate = configuration.quarterHourRateCents, rate >= 0 else {
            throw CommandError.usage("\(configuration.path): billing.quarterHourRateCents is needed for the billing report")
        }
        let store = try StoreOpener.open(configuration)
        let report: BillingReport
        do {
            report = try BillingReport(month: month, work: try store.billingWork(month: month, timeZone: configuration.billingTimeZone), rateCents: rate,
                                       currency: configuration.billingCurrency)
        } catch let overflow as BillingReport.Overflow {
            throw CommandError.failed(overflow.description)
        }
        let text = csv ? BillingCSV.render(report, style: semicolon ? .germanExcel : .standard)
            : json ? try BillingText.jsonLines(report) : BillingText.render(report)
        FileHandle.standardOutput.write(Data(text.utf8))
        return 0
    }
}
