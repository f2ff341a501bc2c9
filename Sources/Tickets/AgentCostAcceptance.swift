public import Foundation

/// An agent's `tickets accept-costs`.
public struct AgentCostAcceptance: Sendable, Hashable {
    public var ticketNumber: String
    public var via: AcceptanceChannel
    public var agent: String
    public var note: String?
    public var at: Date

    public init(ticketNumber: String, via: AcceptanceChannel, agent: String, note: String?, at: Date) {
        self.ticketNumber = ticketNumber
        self.via = via
        self.agent = agent
        self.note = note
        self.at = at
    }
}
