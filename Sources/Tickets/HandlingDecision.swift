public import Foundation

/// An agent's `tickets confirm`.
public struct HandlingDecision: Sendable, Hashable {
    public var ticketNumber: String
    /// nil: keep the suggested handling.
    public var handling: Handling?
    public var agent: String
    public var note: String?
    public var at: Date

    public init(ticketNumber: String, handling: Handling?, agent: String, note: String?, at: Date) {
        self.ticketNumber = ticketNumber
        self.handling = handling
        self.agent = agent
        self.note = note
        self.at = at
    }
}
