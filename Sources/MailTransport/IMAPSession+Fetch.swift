import IMAPCore
public import Tickets

extension IMAPSession {
    /// Commands in flight at once during a fetch: enough to keep the server busy while we parse,
    /// few enough that a failure wastes little.
    static let fetchPipelineDepth = 2

    /// Commands `prefetch` sent ahead, whose answers the next `fetch` of the same UIDs reads.
    struct PendingFetch {
        var uids: [UInt32]
        var maxBytes: Int
        var tags: [String]
    }

    /// Sends the `UID FETCH` commands for `uids` now, so that the server works on them while the
    /// caller is busy; the next `fetch` of the same UIDs reads the answers. Any other command first
    /// reads (and drops) them, so the connection always stays in step. One prefetch at a time.
    public func prefetch(uids: [UInt32], maxBytes: Int) throws {
        let sorted = Set(uids).sorted()
        guard pendingFetch == nil, !sorted.isEmpty else { return }
        let tags = try withSelectedConnection { connection in
            try batches(sorted).map { try connection.send(.uidFetch($0, items: [.uid, .rfc822Size, .bodyPeek])) }
        }
        pendingFetch = PendingFetch(uids: sorted, maxBytes: maxBytes, tags: tags)
    }

    /// `UID FETCH set (UID RFC822.SIZE)` in batches of `fetchBatchSize`, all sent before the
    /// answers are read (Dovecot answers from its index without opening the messages).
    public func sizes(uids: [UInt32]) throws -> [UInt32: Int] {
        let sorted = Set(uids).sorted()
        guard !sorted.isEmpty else { return [:] }
        var sizes: [UInt32: Int] = [:]
        try withSelectedConnection { connection in
            let tags = try batches(sorted).map { try connection.send(.uidFetch($0, items: [.uid, .rfc822Size])) }
            try finishFetches(tags, on: connection) { fetch in
                if let uid = fetch.uid, let size = fetch.rfc822Size { sizes[uid] = size }
            }
        }
        return sizes
    }

    /// `UID FETCH set (UID RFC822.SIZE BODY.PEEK[])` in batches of `fetchBatchSize`, pipelined
    /// (or the answers of the matching `prefetch`). Bodies are byte-exact; beyond `maxBytes` a
    /// body is cut, and `size` stays the full size.
    public func fetch(uids: [UInt32], maxBytes: Int) throws -> [FetchedMessage] {
        let wanted = Set(uids)
        guard !wanted.isEmpty else { return [] }
        let sorted = wanted.sorted()
        if let pending = pendingFetch, pending.uids == sorted, pending.maxBytes == maxBytes {
            pendingFetch = nil
            return try withSelectedConnection { try collect(pending, on: $0, keeping: wanted) }
        }
        let batches = batches(sorted)
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

    /// `sorted` UIDs in `fetchBatchSize` sets.
    private func batches(_ sorted: [UInt32]) -> [SequenceSet] {
        let batchSize = max(1, configuration.fetchBatchSize)
        return stride(from: 0, to: sorted.count, by: batchSize).map {
            SequenceSet(uids: sorted[$0..<min($0 + batchSize, sorted.count)])
        }
    }

    /// Reads the answers to a prefetch; keeps the messages in `wanted` (none when draining).
    func collect(_ pending: PendingFetch, on connection: IMAPConnection, keeping wanted: Set<UInt32>) throws -> [FetchedMessage] {
        connection.literalRetentionLimit = wanted.isEmpty ? 0 : max(0, pending.maxBytes)
        defer { connection.literalRetentionLimit = .max }
        var messages: [UInt32: FetchedMessage] = [:]
        try finishFetches(pending.tags, on: connection) { fetch in
            guard let uid = fetch.uid, wanted.contains(uid), let body = fetch.body else { return }
            messages[uid] = FetchedMessage(uid: uid, size: fetch.rfc822Size ?? body.size,
                                           bytes: Array(body.bytes.prefix(max(0, pending.maxBytes))))
        }
        return messages.keys.sorted().compactMap { messages[$0] }
    }

    /// Reads the answers to the `UID FETCH` commands `tags` in order, each FETCH response to
    /// `onFetch` and the rest to `observe`; throws for the first that failed only after all are
    /// read, so the connection stays in step.
    private func finishFetches(_ tags: [String], on connection: IMAPConnection, _ onFetch: (FetchResponse) -> Void) throws {
        var failure: TaggedResponse?
        for tag in tags {
            let done = try connection.finish(tag: tag) { response in
                guard case .fetch(let fetch) = response else {
                    observe(response)
                    return
                }
                onFetch(fetch)
            }
            if done.condition != .ok, failure == nil { failure = done }
        }
        try failure?.requireOK(for: "UID FETCH", url: connection.url)
    }
}
