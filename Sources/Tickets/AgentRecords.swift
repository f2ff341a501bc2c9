public import Foundation

/// How a customer's acceptance of costs reached us.
public enum AcceptanceChannel: String, Sendable, Hashable, CaseIterable {
    case mail
    case phone
}

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

/// A recorded answer to the cost question: the customer's mail (evidence: its Message-ID) or an agent's record.
public struct CostAcceptance: Sendable, Hashable {
    public var accepted: Bool
    public var via: AcceptanceChannel
    /// nil when the intake recorded it from the customer's mail.
    public var agent: String?
    /// The Message-ID of the mail that answered, when it came by mail.
    public var messageID: String?
    public var note: String?
    public var at: Date

    public init(accepted: Bool, via: AcceptanceChannel, agent: String?, messageID: String?, note: String?, at: Date) {
        self.accepted = accepted
        self.via = via
        self.agent = agent
        self.messageID = messageID
        self.note = note
        self.at = at
    }
}

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

/// An audit event with the structured data an agent's decision carries (`before`, `after`, `note`, …).
public struct AuditEntry: Sendable, Hashable {
    public var event: TicketEvent
    public var data: [String: String]

    public init(event: TicketEvent, data: [String: String]) {
        self.event = event
        self.data = data
    }
}
