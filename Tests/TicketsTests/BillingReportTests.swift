import Testing
import Tickets

@Suite("Monthly billing report: per-ticket rounding, month attribution, CSV")
struct BillingReportTests {
    static let november = try! BillingMonth("2026-11")

    static func work(_ customer: String, _ number: String, _ minutes: Int, before: Int = 0, subject: String = "VPS") -> BillingWork {
        BillingWork(customer: customer, ticketNumber: number, subject: subject, minutesInMonth: minutes, minutesBefore: before)
    }

    @Test("7 + 10 + 20 minutes on one ticket: 37 minutes, 3 quarter hours, 75,00 € at 25,00 €")
    func scenario() throws {
        let report = try BillingReport(month: Self.november, work: [Self.work("a@example.org", "1001", 37)], rateCents: 2500,
                                       currency: "EUR")
        let line = try #require(report.customers.first?.lines.first)
        #expect(line.minutes == 37 && line.quarterHours == 3 && line.amountCents == 7500)
        #expect(report.amountCents == 7500 && report.quarterHours == 3)
    }

    @Test("a month bills the quarter hours started in it", arguments: [
        (7, 0, 1), (7, 7, 0), (10, 10, 1), (15, 0, 1), (16, 0, 2), (1, 15, 1), (30, 45, 2),
    ])
    func carriedOver(inMonth: Int, before: Int, expected: Int) throws {
        let report = try BillingReport(month: Self.november, work: [Self.work("a@example.org", "1001", inMonth, before: before)],
                                       rateCents: 2500, currency: "EUR")
        #expect(report.quarterHours == expected)
        #expect(QuarterHourBilling.quarterHours(totalMinutes: before) + expected
                    == QuarterHourBilling.quarterHours(totalMinutes: before + inMonth))
    }

    @Test("grouped by customer, tickets by number, totals add up")
    func grouping() throws {
        let report = try BillingReport(month: Self.november, work: [
            Self.work("b@example.org", "1010", 20), Self.work("a@example.org", "999", 5), Self.work("b@example.org", "1002", 61),
            Self.work("a@example.org", "1003", 0),
        ], rateCents: 2500, currency: "EUR")
        #expect(report.customers.map(\.customer) == ["a@example.org", "b@example.org"])
        #expect(report.customers[1].lines.map(\.ticketNumber) == ["1002", "1010"])
        #expect(report.customers[0].lines.count == 1, "a ticket without time in the month has no line")
        #expect(report.customers[1].quarterHours == 5 + 2 && report.customers[1].amountCents == 17_500)
        #expect(report.minutes == 86 && report.quarterHours == 8 && report.amountCents == 20_000)
    }

    @Test("amounts that do not fit integer cents are an error, not a wrong number")
    func overflow() {
        #expect(throws: BillingReport.Overflow.self) {
            try BillingReport(month: Self.november, work: [Self.work("a@example.org", "1", 1_000_000)], rateCents: Int.max / 2,
                              currency: "EUR")
        }
    }

    @Test("CSV: header, quoted fields, neutralised formulas, totals")
    func csv() throws {
        let report = try BillingReport(month: Self.november, work: [
            Self.work("Müller; \"GmbH\"", "1001", 37, subject: "=HYPERLINK(\"x\")\nzweite Zeile"),
        ], rateCents: 2500, currency: "EUR")
        let text = BillingCSV.render(report, style: .standard)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "row,month,customer,ticket,subject,minutes,quarter_hours,amount,currency")
        #expect(text.hasPrefix("row,"), "plain CSV has no byte order mark")
        #expect(lines[1] == #"ticket,2026-11,"Müller; ""GmbH""",1001,"'=HYPERLINK(""x"")"# + "\n" + #"zweite Zeile",37,3,75.00,EUR"#)
        #expect(lines[2] == "customer total,2026-11,\"Müller; \"\"GmbH\"\"\",,,37,3,75.00,EUR")
        #expect(lines[3] == "total,2026-11,,,,37,3,75.00,EUR")
        #expect(lines[4].isEmpty && lines.count == 5)
    }

    @Test("CSV for German Excel: BOM, semicolons, decimal commas")
    func germanExcel() throws {
        let report = try BillingReport(month: Self.november, work: [Self.work("a@example.org", "1001", 37, subject: "a;b")],
                                       rateCents: 2550, currency: "EUR")
        let text = BillingCSV.render(report, style: .germanExcel)
        #expect(text.hasPrefix("\u{FEFF}row;month;"))
        #expect(text.contains("ticket;2026-11;a@example.org;1001;\"a;b\";37;3;76,50;EUR\r\n"))
    }

    @Test("formula starts are neutralised in every text cell", arguments: ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
    func formulas(text: String) {
        var writer = CSVWriter(separator: ",")
        writer.row([.text(text)])
        let cell = writer.text.hasPrefix("\"") ? String(writer.text.dropFirst()) : writer.text
        #expect(cell.hasPrefix("'"), "\(writer.text.debugDescription)")
    }
}
