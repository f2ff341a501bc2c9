import Dispatch
import Foundation

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
        let prepared = results.compactMap { $0 }
        // The caller owns the chunk from here on (see `release`).
        results = []
        return prepared
    }

    /// Lets go of a committed chunk on another thread: freeing its parsed messages (MIME trees,
    /// decoded bodies, records) took several percent of the committing thread, which is the
    /// pipeline's bottleneck, while the preparation threads had time to spare.
    static func release(_ prepared: [PreparedMessage]) {
        DispatchQueue.global().async { withExtendedLifetime(prepared) {} }
    }
}
