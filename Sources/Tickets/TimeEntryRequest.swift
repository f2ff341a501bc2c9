public import Foundation

/// An agent's `tickets log-time`.
public struct TimeEntryRequest: Sendable, Hashable {
    public var ticketNumber: String
    public var minutes: Int
    public var agent: String
    public var note: String?
    public var force: Bool
    public var at: Date

    public init(ticketNumber: String, minutes: Int, agent: String, note: String?, force: Bool, at: Date) {
        self.ticketNumber = ticketNumber
        self.minutes = minutes
        self.agent = agent
        self.note = note
        self.force = force
        self.at = at
    }
}
