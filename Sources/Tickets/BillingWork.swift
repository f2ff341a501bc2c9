/// The time on one billable ticket as the billing report needs it: the minutes worked in the
/// report's month and the minutes worked on it before that month.
public struct BillingWork: Sendable, Hashable {
    public var customer: String
    public var ticketNumber: String
    public var subject: String
    public var minutesInMonth: Int
    public var minutesBefore: Int

    public init(customer: String, ticketNumber: String, subject: String, minutesInMonth: Int, minutesBefore: Int) {
        self.customer = customer
        self.ticketNumber = ticketNumber
        self.subject = subject
        self.minutesInMonth = minutesInMonth
        self.minutesBefore = minutesBefore
    }
}
