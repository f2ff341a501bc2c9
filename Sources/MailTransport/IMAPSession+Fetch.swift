import IMAPCore
public import Tickets

extension IMAPSession {
    /// Commands in flight at once during a fetch: enough to keep the server busy while we parse,
    /// few enough that a failure wastes little.
    static let fetchPipelineDepth = 2

    /// `UID FETCH set (UID RFC822.SIZE BODY.PEEK[])` in batches of `fetchBatchSize`, pipelined.
    /// Bodies are byte-exact; beyond `maxBytes` a body is cut, and `size` stays the full size.
    public func fetch(uids: [UInt32], maxBytes: Int) throws -> [FetchedMessage] {
        let wanted = Set(uids)
        guard !wanted.isEmpty else { return [] }
        let sorted = wanted.sorted()
        let batchSize = max(1, configuration.fetchBatchSize)
        let batches = stride(from: 0, to: sorted.count, by: batchSize).map {
            SequenceSet(uids: sorted[$0..<min($0 + batchSize, sorted.count)])
        }
        var messages: [UInt32: FetchedMessage] = [:]
        try withSelectedConnection { connection in
            connection.literalRetentionLimit = max(0, maxBytes)
            defer { connection.literalRetentionLimit = .max }
            var pending: [String] = []
            var next = batches.makeIterator()
            func collect(_ response: UntaggedResponse) {
                guard case .fetch(let fetch) = response else {
                    observe(response)
                    return
                }
                guard let uid = fetch.uid, wanted.contains(uid), let body = fetch.body else { return }
                messages[uid] = FetchedMessage(uid: uid, size: fetch.rfc822Size ?? body.size,
                                               bytes: Array(body.bytes.prefix(max(0, maxBytes))))
            }
            while true {
                while pending.count < Self.fetchPipelineDepth, let batch = next.next() {
                    pending.append(try connection.send(.uidFetch(batch, items: [.uid, .rfc822Size, .bodyPeek])))
                }
                guard !pending.isEmpty else { break }
                let tag = pending.removeFirst()
                let done = try connection.finish(tag: tag, onUntagged: collect)
                if done.condition != .ok {
                    // Let the commands already sent finish so the connection stays in step.
                    for other in pending { _ = try connection.finish(tag: other, onUntagged: collect) }
                    try done.requireOK(for: "UID FETCH", url: connection.url)
                }
            }
        }
        return messages.keys.sorted().compactMap { messages[$0] }
    }
}
