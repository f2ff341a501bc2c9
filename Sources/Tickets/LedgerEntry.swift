public import Foundation

/// Identifies one message on the server: a UID is only meaningful with its mailbox and
/// UIDVALIDITY (RFC 9051 §2.3.1.1).
public struct LedgerKey: Sendable, Hashable, CustomStringConvertible {
    public var mailbox: String
    public var uidValidity: UInt32
    public var uid: UInt32

    public init(mailbox: String, uidValidity: UInt32, uid: UInt32) {
        self.mailbox = mailbox
        self.uidValidity = uidValidity
        self.uid = uid
    }

    public var description: String { "\(mailbox);UIDVALIDITY=\(uidValidity);UID=\(uid)" }
}

/// What became of a fetched message.
public enum LedgerState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Processing failed; it is retried on the next cycle (see `attempts`).
    case failed
    /// A new ticket was created for it.
    case ticketed
    /// The same mail (Message-ID and content hash) was already on a ticket.
    case duplicate
    /// Recorded with no action (automated or bulk mail, per the classifier).
    case ignored
    /// Failed too often; held for an agent (`support-intake quarantine`).
    case quarantined
    /// An agent discarded it from quarantine.
    case discarded

    /// Whether the intake is finished with the message (no retry on the next cycle).
    public var isSettled: Bool { self != .failed }
}

/// One row of the ledger: every fetched message gets one, keyed by mailbox, UIDVALIDITY and UID.
public struct LedgerEntry: Sendable, Hashable {
    public var key: LedgerKey
    public var messageID: String?
    /// SHA-256 of the raw bytes as fetched (hex).
    public var rawSHA256: String
    /// SHA-256 of the bytes without the trace headers delivery adds (hex, see `ContentHash`).
    public var contentSHA256: String
    public var state: LedgerState
    public var attempts: Int
    /// Why it ended this way, for people: "ticket 1005", "duplicate of ticket 1003", an error.
    public var outcome: String?
    /// The ticket it is on (new or duplicate), if any.
    public var ticketNumber: String?
    /// Whether the mailbox was told (keyword set / moved) after the commit.
    public var marked: Bool
    public var updatedAt: Date

    public init(
        key: LedgerKey, messageID: String?, rawSHA256: String, contentSHA256: String, state: LedgerState,
        attempts: Int, outcome: String?, ticketNumber: String?, marked: Bool, updatedAt: Date
    ) {
        self.key = key
        self.messageID = messageID
        self.rawSHA256 = rawSHA256
        self.contentSHA256 = contentSHA256
        self.state = state
        self.attempts = attempts
        self.outcome = outcome
        self.ticketNumber = ticketNumber
        self.marked = marked
        self.updatedAt = updatedAt
    }
}
