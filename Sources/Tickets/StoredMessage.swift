public import Foundation

/// An inbound mail as kept on a ticket: the raw bytes (possibly truncated) and where it came from.
public struct StoredMessage: Sendable, Hashable {
    public var messageID: String?
    public var contentSHA256: String
    public var raw: [UInt8]
    /// The size the server announced; larger than `raw.count` when the message was truncated.
    public var size: Int
    public var receivedAt: Date

    public init(messageID: String?, contentSHA256: String, raw: [UInt8], size: Int, receivedAt: Date) {
        self.messageID = messageID
        self.contentSHA256 = contentSHA256
        self.raw = raw
        self.size = size
        self.receivedAt = receivedAt
    }

    public var isTruncated: Bool { size > raw.count }
}
