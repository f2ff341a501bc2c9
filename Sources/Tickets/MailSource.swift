/// The state of a selected mailbox, as the server reported it on SELECT (RFC 9051 §6.3.2).
public struct MailboxStatus: Sendable, Hashable {
    public var uidValidity: UInt32
    public var uidNext: UInt32?
    public var exists: Int

    public init(uidValidity: UInt32, uidNext: UInt32?, exists: Int) {
        self.uidValidity = uidValidity
        self.uidNext = uidNext
        self.exists = exists
    }
}

/// One message as fetched: its UID, the size the server announced, and the exact bytes.
public struct FetchedMessage: Sendable, Hashable {
    public var uid: UInt32
    public var size: Int
    public var bytes: [UInt8]

    public init(uid: UInt32, size: Int, bytes: [UInt8]) {
        self.uid = uid
        self.size = size
        self.bytes = bytes
    }
}

/// Where inbound mail comes from (the support mailbox). Implementations: the IMAP session over
/// libcurl and an in-memory twin for tests.
///
/// Implementers must guarantee: selection is by UID only (never by \Seen, never by sequence
/// number); fetching never sets \Seen; `markProcessed` is only called by the intake after the
/// message is committed, and is idempotent.
public protocol MailSource: AnyObject {
    /// Selects `mailbox` read-write and reports its UIDVALIDITY and UIDNEXT.
    func select(_ mailbox: String) throws -> MailboxStatus
    /// UIDs in the selected mailbox greater than `uid`, ascending (the server's `n:*` quirk filtered out).
    func uids(after uid: UInt32) throws -> [UInt32]
    /// The size each of these messages has on the server (RFC822.SIZE; missing ones are absent),
    /// asked before fetching so that the intake can bound its chunks by bytes.
    func sizes(uids: [UInt32]) throws -> [UInt32: Int]
    /// Fetches the messages with these UIDs (missing ones are simply absent from the result).
    /// `maxBytes` caps how much of one message is kept; the announced `size` stays the full size.
    func fetch(uids: [UInt32], maxBytes: Int) throws -> [FetchedMessage]
    /// A hint: the caller will `fetch` exactly these UIDs next, so a source may start on them now
    /// (IMAP sends the command, and the server works while the caller processes the previous
    /// ones). Must leave every other call working as if it had not been given.
    func prefetch(uids: [UInt32], maxBytes: Int) throws
    /// Adds the `$SupportIntake` keyword, then moves to `mailbox` when it is given.
    func markProcessed(uids: [UInt32], moveTo mailbox: String?) throws
    /// Moves messages the intake gave up on (quarantined) to `mailbox`, without the processed
    /// keyword, so that people see them apart from the inbox as unhandled. Idempotent.
    func moveToQuarantine(uids: [UInt32], mailbox: String) throws
    /// Waits until the selected mailbox changes or `seconds` pass (IMAP IDLE where offered,
    /// else a plain sleep). Returns true when the server reported a change.
    func waitForChange(seconds: Double) throws -> Bool
}

extension MailSource {
    /// Sources that cannot tell sizes ahead report none (the intake then bounds chunks by count).
    public func sizes(uids: [UInt32]) throws -> [UInt32: Int] { [:] }

    /// Sources that cannot work ahead ignore the hint.
    public func prefetch(uids: [UInt32], maxBytes: Int) throws {}

    /// The fallback for sources without their own quarantine move: move like processed mail.
    public func moveToQuarantine(uids: [UInt32], mailbox: String) throws {
        try markProcessed(uids: uids, moveTo: mailbox)
    }
}
