/// A composed reply, ready for the outbox: the exact bytes to send (CRLF throughout) and its envelope.
public struct OutboundMail: Sendable, Hashable {
    /// The reply's own Message-ID, without angle brackets; deterministic, so a resend is recognisable.
    public var messageID: String
    public var sender: String
    public var recipient: String
    public var kind: ReplyKind
    public var bytes: [UInt8]

    public init(messageID: String, sender: String, recipient: String, kind: ReplyKind, bytes: [UInt8]) {
        self.messageID = messageID
        self.sender = sender
        self.recipient = recipient
        self.kind = kind
        self.bytes = bytes
    }
}
