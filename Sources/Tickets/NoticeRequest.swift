public import Foundation

/// What a store hands to the composer of an agent's notice: the ticket after the decision and the
/// thread to answer in.
public struct NoticeRequest: Sendable, Hashable {
    public var notice: CustomerNotice
    public var ticket: Ticket
    /// The ticket's language (from its classification), nil when unknown.
    public var language: String?
    public var recipientName: String
    /// The Message-ID of the customer's latest mail on the ticket, and its references.
    public var inReplyTo: String?
    public var references: [String]
    /// Unique per decision, so that the notice's Message-ID is too.
    public var key: String
    public var at: Date
    /// How the customer accepted the costs (for `costAccepted`).
    public var acceptedVia: AcceptanceChannel?

    public init(notice: CustomerNotice, ticket: Ticket, language: String?, recipientName: String, inReplyTo: String?,
                references: [String], key: String, at: Date, acceptedVia: AcceptanceChannel? = nil) {
        self.notice = notice
        self.ticket = ticket
        self.language = language
        self.recipientName = recipientName
        self.inReplyTo = inReplyTo
        self.references = references
        self.key = key
        self.at = at
        self.acceptedVia = acceptedVia
    }
}
