/// How far the intake got in one mailbox: every message with a UID up to `lastUID` under this
/// UIDVALIDITY is settled (ticketed, duplicate, ignored or quarantined) and marked on the server.
public struct MailboxCursor: Sendable, Hashable {
    public var uidValidity: UInt32
    public var lastUID: UInt32

    public init(uidValidity: UInt32, lastUID: UInt32) {
        self.uidValidity = uidValidity
        self.lastUID = lastUID
    }
}
