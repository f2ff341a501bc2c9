public import Foundation

/// Time worked on a ticket.
public struct TimeEntry: Sendable, Hashable {
    public var minutes: Int
    public var agent: String
    public var note: String?
    /// Logged on an extended ticket before the customer accepted the costs (`--force`).
    public var forced: Bool
    /// When the work was logged; it decides the billing month (see `BillingReport`).
    public var workedAt: Date

    public init(minutes: Int, agent: String, note: String?, forced: Bool, workedAt: Date) {
        self.minutes = minutes
        self.agent = agent
        self.note = note
        self.forced = forced
        self.workedAt = workedAt
    }
}
