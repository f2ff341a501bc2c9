public import Foundation

/// A message the intake gave up on after too many failed attempts, held for an agent.
public struct QuarantineEntry: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, CaseIterable {
        case held, retried, discarded
    }

    /// The number agents type in `quarantine retry N` / `discard N`.
    public var id: Int
    public var key: LedgerKey
    public var messageID: String?
    public var reason: String
    public var attempts: Int
    public var state: State
    /// The bytes as fetched, so that a retry does not need the server.
    public var raw: [UInt8]
    public var size: Int
    public var quarantinedAt: Date

    public init(
        id: Int, key: LedgerKey, messageID: String?, reason: String, attempts: Int, state: State, raw: [UInt8],
        size: Int, quarantinedAt: Date
    ) {
        self.id = id
        self.key = key
        self.messageID = messageID
        self.reason = reason
        self.attempts = attempts
        self.state = state
        self.raw = raw
        self.size = size
        self.quarantinedAt = quarantinedAt
    }
}
