/// The monthly billing report: per customer and ticket, the minutes worked in the month, the
/// started quarter hours billed for them and the amount, with totals. Integer cents throughout.
///
/// Rounding is per ticket (see `QuarterHourBilling`), and a month bills the quarter hours the
/// ticket's running total started in that month: quarterHours(total up to the month's end) −
/// quarterHours(total before the month). A ticket worked on in one month (7 + 10 + 20 minutes)
/// bills 3 quarter hours there; a ticket spanning months never bills more in sum than its total
/// rounded once (7 minutes in November bill 1; 7 more in December bill 0, the quarter hour started
/// in November covers them). Time belongs to the month its entry was logged in (UTC).
public struct BillingReport: Sendable, Hashable {
    public struct Line: Sendable, Hashable {
        public var customer: String
        public var ticketNumber: String
        public var subject: String
        public var minutes: Int
        public var quarterHours: Int
        public var amountCents: Int
    }

    public struct Customer: Sendable, Hashable {
        public var customer: String
        public var lines: [Line]
        public var minutes: Int
        public var quarterHours: Int
        public var amountCents: Int
    }

    public struct Overflow: Error, CustomStringConvertible {
        public var description: String { "the billing amounts exceed what integer cents can hold" }
    }

    public var month: BillingMonth
    public var rateCents: Int
    public var currency: String
    /// By customer address (case-insensitive), tickets by number within each.
    public var customers: [Customer]
    public var minutes: Int
    public var quarterHours: Int
    public var amountCents: Int

    public init(month: BillingMonth, work: [BillingWork], rateCents: Int, currency: String) throws {
        self.month = month
        self.rateCents = rateCents
        self.currency = currency
        var byCustomer: [String: [Line]] = [:]
        for item in work where item.minutesInMonth > 0 {
            let before = max(0, item.minutesBefore)
            let (through, overflow) = before.addingReportingOverflow(item.minutesInMonth)
            guard !overflow else { throw Overflow() }
            let quarterHours = QuarterHourBilling.quarterHours(totalMinutes: through)
                - QuarterHourBilling.quarterHours(totalMinutes: before)
            guard let amount = QuarterHourBilling.amountCents(quarterHours: quarterHours, rateCents: rateCents) else {
                throw Overflow()
            }
            byCustomer[item.customer, default: []].append(Line(
                customer: item.customer, ticketNumber: item.ticketNumber, subject: item.subject,
                minutes: item.minutesInMonth, quarterHours: quarterHours, amountCents: amount))
        }
        // Sort keys computed once per customer, not once per comparison.
        var keyed: [(key: String, customer: Customer)] = []
        keyed.reserveCapacity(byCustomer.count)
        for (customer, lines) in byCustomer {
            let sorted = lines.sorted { Self.numberOrder($0.ticketNumber, $1.ticketNumber) }
            keyed.append((customer.lowercased(), Customer(
                customer: customer, lines: sorted, minutes: try Self.sum(sorted.map(\.minutes)),
                quarterHours: try Self.sum(sorted.map(\.quarterHours)), amountCents: try Self.sum(sorted.map(\.amountCents)))))
        }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.customer.customer < $1.customer.customer }
        let customers = keyed.map(\.customer)
        self.customers = customers
        minutes = try Self.sum(customers.map(\.minutes))
        quarterHours = try Self.sum(customers.map(\.quarterHours))
        amountCents = try Self.sum(customers.map(\.amountCents))
    }

    private static func sum(_ values: [Int]) throws -> Int {
        var total = 0
        for value in values {
            let (next, overflow) = total.addingReportingOverflow(value)
            guard !overflow else { throw Overflow() }
            total = next
        }
        return total
    }

    /// Ticket numbers are decimal digits: shorter is smaller.
    private static func numberOrder(_ left: String, _ right: String) -> Bool {
        left.utf8.count != right.utf8.count ? left.utf8.count < right.utf8.count : left < right
    }
}
