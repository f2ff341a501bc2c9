public import Foundation

/// A row of the outbox: a queued customer notice and how its delivery went.
public struct OutboxItem: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, CaseIterable {
        /// Waiting to be sent (first try, or a retry after a transient failure at `nextAttemptAt`).
        case pending
        case sent
        /// Parked: the server refused it for good (5xx) or it failed too often; an agent decides.
        case failed
    }

    public var id: Int
    public var ticketNumber: String?
    public var message: OutboxMessage
    public var state: State
    public var attempts: Int
    public var nextAttemptAt: Date?
    /// The server's words (or the transport's) for the last failure.
    public var lastError: String?
    public var createdAt: Date
    public var sentAt: Date?

    public init(id: Int, ticketNumber: String?, message: OutboxMessage, state: State, attempts: Int,
                nextAttemptAt: Date?, lastError: String?, createdAt: Date, sentAt: Date?) {
        self.id = id
        self.ticketNumber = ticketNumber
        self.message = message
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.createdAt = createdAt
        self.sentAt = sentAt
    }
}
