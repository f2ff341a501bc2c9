/// A composed customer notice on its way into the outbox: the exact bytes to send and where.
/// The Message-ID is deterministic (ticket, kind, inbound mail), and the outbox keeps it unique,
/// so the same notice can never be queued twice.
public struct OutboxMessage: Sendable, Hashable {
    /// Without angle brackets.
    public var messageID: String
    /// The template kind (`faq-reply`, `cost-notice`, …).
    public var kind: String
    /// The envelope recipient, lower-cased (the per-recipient budget counts by it).
    public var recipient: String
    /// RFC 5322 bytes, CRLF throughout.
    public var bytes: [UInt8]

    public init(messageID: String, kind: String, recipient: String, bytes: [UInt8]) {
        self.messageID = messageID
        self.kind = kind
        self.recipient = recipient.lowercased()
        self.bytes = bytes
    }
}
