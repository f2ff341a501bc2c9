/// Billing of extended support "je angefangene 1/4h" (FAQ 1792): per started quarter hour.
///
/// Rounding is per ticket, not per time entry: the entries of a ticket are added up first and the
/// total is rounded up to whole quarter hours once. (7 + 10 + 20 minutes = 37 minutes = 3 quarter
/// hours; rounding each entry would bill 1 + 1 + 2 = 4.) Amounts are integer cents, never floating point.
public enum QuarterHourBilling {
    public static let minutesPerUnit = 15

    /// Started quarter hours for `totalMinutes` (0 → 0, 1…15 → 1, 16…30 → 2, …); negative totals bill nothing.
    public static func quarterHours(totalMinutes: Int) -> Int {
        guard totalMinutes > 0 else { return 0 }
        return (totalMinutes - 1) / minutesPerUnit + 1
    }

    /// `quarterHours × rateCents`, or nil if it would overflow.
    public static func amountCents(quarterHours: Int, rateCents: Int) -> Int? {
        let (product, overflow) = quarterHours.multipliedReportingOverflow(by: rateCents)
        return overflow ? nil : product
    }
}
