public import Foundation

/// One entry of a ticket's audit trail: what happened, who did it, when.
public struct TicketEvent: Sendable, Hashable {
    /// Dotted kind, e.g. `ticket.created`, `message.duplicate`, `quarantine.retried`.
    public var kind: String
    /// "intake" for the gateway itself, else the agent's name.
    public var actor: String
    public var detail: String
    public var at: Date

    public init(kind: String, actor: String, detail: String, at: Date) {
        self.kind = kind
        self.actor = actor
        self.detail = detail
        self.at = at
    }
}
