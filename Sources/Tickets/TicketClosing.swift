public import Foundation

/// An agent's `tickets close`.
public struct TicketClosing: Sendable, Hashable {
    public var ticketNumber: String
    public var agent: String
    public var note: String?
    public var at: Date

    public init(ticketNumber: String, agent: String, note: String?, at: Date) {
        self.ticketNumber = ticketNumber
        self.agent = agent
        self.note = note
        self.at = at
    }
}
