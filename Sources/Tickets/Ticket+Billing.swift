extension Ticket {
    /// Billable: extended support whose costs the customer accepted (FAQ 1792). Time on any other
    /// ticket is recorded but never billed.
    public var isBillable: Bool { handling == .extended && costAccepted == true }

    /// The started quarter hours of `totalMinutes` when the ticket is billable, else 0.
    public func billableQuarterHours(totalMinutes: Int) -> Int {
        isBillable ? QuarterHourBilling.quarterHours(totalMinutes: totalMinutes) : 0
    }
}
