import Dispatch
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

/// One chunk of fetched mail being prepared in the background, spread over the cores; `wait()`
/// hands the results over in UID order. Started right after the chunk arrives, so its parsing and
/// classification overlap the commit of the chunk before it and the fetch of the chunk after it.
final class BackgroundPreparation: @unchecked Sendable {
    /// Written only by the background work, at disjoint indexes; read only after `done` is
    /// waited for, which orders the writes before the reads. That is why this is `@unchecked`.
    private var results: [PreparedMessage?]
    private let done = DispatchGroup()

    init(_ messages: [FetchedMessage], from mailbox: MailboxContext, receivedAt: Date, preparer: MessagePreparer) {
        let ordered = messages.sorted(by: { $0.uid < $1.uid })
        results = Array(repeating: nil, count: ordered.count)
        DispatchQueue.global().async(group: done) { [self] in
            results.withUnsafeMutableBufferPointer { buffer in
                // Each iteration writes only its own slot (see `results`).
                nonisolated(unsafe) let slots = buffer
                DispatchQueue.concurrentPerform(iterations: ordered.count) { index in
                    slots[index] = preparer.prepare(ordered[index], from: mailbox, receivedAt: receivedAt)
                }
            }
        }
    }

    /// Blocks until every message of the chunk is prepared.
    func wait() -> [PreparedMessage] {
        done.wait()
        return results.compactMap { $0 }
    }
}
