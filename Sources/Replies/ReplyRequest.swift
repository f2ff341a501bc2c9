public import Foundation

/// Everything the composer needs to answer one inbound message.
public struct ReplyRequest: Sendable {
    public var kind: ReplyKind
    public var ticketNumber: String
    /// `de` or `en`; anything else gets German.
    public var language: String
    /// Who gets the reply: the request's Reply-To, else its From.
    public var recipient: String
    public var recipientName: String
    public var originalSubject: String?
    /// The inbound Message-ID and References, for threading (RFC 5322 §3.6.4).
    public var inReplyTo: String?
    public var references: [String]
    /// A stable key of the inbound message (its content hash): with the ticket and kind it makes the
    /// reply's Message-ID, so composing twice gives the same Message-ID.
    public var inboundKey: String
    /// Kind-specific values (`faq`, `rate`, …); see `ReplyKind.variables`.
    public var values: [String: TemplateValue]
    public var date: Date

    public init(kind: ReplyKind, ticketNumber: String, language: String, recipient: String, recipientName: String = "",
                originalSubject: String?, inReplyTo: String?, references: [String], inboundKey: String,
                values: [String: TemplateValue] = [:], date: Date) {
        self.kind = kind
        self.ticketNumber = ticketNumber
        self.language = language
        self.recipient = recipient
        self.recipientName = recipientName
        self.originalSubject = originalSubject
        self.inReplyTo = inReplyTo
        self.references = references
        self.inboundKey = inboundKey
        self.values = values
        self.date = date
    }
}
