import Foundation
import MailCore

/// The slow, pure part of taking in a message: parse, classify, hash. It touches no store, clock or
/// log, so it runs on other cores while the cycle commits the previous chunk.
struct MessagePreparer: Sendable {
    let classify: IntakeCycle.Classify

    /// The record for `raw` (the bytes kept of a message of `size` bytes): parsing never fails;
    /// the classifier may throw.
    func record(key: LedgerKey, raw: [UInt8], size: Int, receivedAt: Date) throws -> IntakeRecord {
        let parsed = MessageParser.parse(raw)
        return IntakeRecord.make(
            key: key, raw: raw, size: size, parsed: parsed, classification: try classify(parsed), receivedAt: receivedAt)
    }

    /// `message` made ready for its commit, or the error that stopped it.
    func prepare(_ message: FetchedMessage, from mailbox: MailboxContext, receivedAt: Date) -> PreparedMessage {
        let key = LedgerKey(mailbox: mailbox.name, uidValidity: mailbox.uidValidity, uid: message.uid)
        let size = max(message.size, message.bytes.count)
        return PreparedMessage(key: key, message: message, size: size,
                               record: Result { try record(key: key, raw: message.bytes, size: size, receivedAt: receivedAt) })
    }
}

/// A fetched message made ready for its commit: parsed and classified (or the error that stopped it).
struct PreparedMessage: Sendable {
    var key: LedgerKey
    var message: FetchedMessage
    var size: Int
    var record: Result<IntakeRecord, any Error>
}
