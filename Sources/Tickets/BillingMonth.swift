public import Foundation

/// A calendar month of the billing report, as typed: `YYYY-MM` exactly (`2026-11`). Which instants
/// belong to it depends on the billing time zone (`interval(in:)`): work logged at 00:30 on
/// 1 December in Berlin is December's, although the store keeps it as 23:30 UTC on 30 November.
public struct BillingMonth: Sendable, Hashable, CustomStringConvertible {
    public static let years = 1970...9999

    public var year: Int
    public var month: Int

    /// Parses `YYYY-MM`; anything else (`2026-13`, `2026-1`, `abc`) is an error that shows the expected form.
    public init(_ text: String) throws {
        let bytes = Array(text.utf8)
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), bytes[0..<4].allSatisfy(isDigit),
              bytes[5..<7].allSatisfy(isDigit), let year = Int(text.prefix(4)), let month = Int(text.suffix(2)) else {
            throw AgentInput.Problem(description: "--month must be YYYY-MM (e.g. 2026-11), not '\(text)'")
        }
        guard month >= 1, month <= 12 else {
            throw AgentInput.Problem(description: "--month \(text): there is no month \(month) (01 to 12)")
        }
        guard Self.years.contains(year) else {
            throw AgentInput.Problem(description: "--month \(text): the year must be from \(Self.years.lowerBound) to \(Self.years.upperBound)")
        }
        self.year = year
        self.month = month
    }

    public init?(year: Int, month: Int) {
        guard Self.years.contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// The month after this one (December → January of the next year).
    public var next: BillingMonth {
        month == 12 ? BillingMonth(uncheckedYear: year + 1, month: 1) : BillingMonth(uncheckedYear: year, month: month + 1)
    }

    /// The month's first instant and the next month's first instant, as local midnight in `timeZone`
    /// (a daylight-saving change inside the month does not matter; none happens at midnight in Europe).
    public func interval(in timeZone: TimeZone) -> (start: Date, end: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let start = { (month: BillingMonth) in
            calendar.date(from: DateComponents(year: month.year, month: month.month, day: 1))
                ?? Date(timeIntervalSince1970: 0)
        }
        return (start(self), start(next))
    }

    /// `2026-11`.
    public var description: String {
        let digits = String(year)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + (month < 10 ? "-0" : "-") + String(month)
    }

    private init(uncheckedYear: Int, month: Int) {
        self.year = uncheckedYear
        self.month = month
    }
}
