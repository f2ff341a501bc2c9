public import Foundation

/// How a customer's acceptance of costs reached us.
public enum AcceptanceChannel: String, Sendable, Hashable, CaseIterable {
    case mail
    case phone
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
