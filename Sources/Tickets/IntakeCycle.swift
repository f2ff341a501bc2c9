public import MailCore

/// One intake pass over the support mailboxes: fetch what is new by UID, ticket it, commit, and
/// only then mark it on the server. Pure logic over a `MailSource`, a `TicketStore`, a `Clock` and
/// a `LogSink`; the gateway wires the real ones, tests the twins.
///
/// Exactly once: the store commits each message's outcome idempotently per (mailbox,
/// UIDVALIDITY, UID) and recognises the same mail by Message-ID and content hash, so a crash before
/// marking, a UIDVALIDITY reset or the same mail in two places never makes a second ticket.
/// Nothing lost: a message is marked only after its commit, and the cursor only passes UIDs that are
/// settled and marked (or gone from the server).
public final class IntakeCycle {
    /// Classifies one parsed mail; nil means "no classifier yet" (tickets carry no handling).
    public typealias Classify = @Sendable (ParsedMessage) throws -> Classification?

    /// How often one cycle lists a mailbox: after taking in what it found, it lists again until
    /// nothing new arrived, so mail that came in meanwhile is not left waiting for the next cycle
    /// (a server reports it during our commands, and an IDLE started afterwards would not). The
    /// bound keeps a flooded mailbox from holding one cycle forever.
    static let maxListingsPerCycle = 10

    private let source: any MailSource
    private let store: any TicketStore
    private let log: any LogSink
    private let configuration: IntakeConfiguration
    private let intake: MessageIntake
    private let clock: any Clock
    /// Per-message events wait here until their batch is committed, so the log never reports a
    /// ticket that a crash then rolled back.
    private let pendingLog = PendingLogSink()
    private let shouldStop: () -> Bool
    private let classifierReady: () throws -> Void
    private let outbox: (any ReplyDispatch)?
    /// Set when the outbox could not send (the SMTP server is down or refuses our login): the cycle
    /// goes on ticketing, and the replies stay queued for the next one.
    private var deliveryError: String?

    /// `shouldStop` is asked between messages; when it says yes, the cycle marks what it committed,
    /// saves the cursor and returns (a shutdown finishes the message in hand, no more).
    /// With a `responder`, each ticket's reply is queued in its commit; with an `outbox`, due
    /// replies go out at the start of the cycle and after each group of mail is marked.
    /// `classifierReady` is called before the first message of each group is prepared (also when
    /// the group before prepares it ahead), and what it throws ends the cycle before any mail is
    /// taken in: the gateway compiles its rules meanwhile (while the cycle logs in and lists the
    /// mailbox) and reports rules it cannot use from here.
    public init(
        source: any MailSource, store: any TicketStore, clock: any Clock, log: any LogSink,
        configuration: IntakeConfiguration, classify: @escaping Classify = { _ in nil },
        classifierReady: @escaping () throws -> Void = {},
        responder: (any Responder)? = nil, outbox: (any ReplyDispatch)? = nil,
        shouldStop: @escaping () -> Bool = { false }
    ) {
        self.source = source
        self.store = store
        self.log = log
        self.clock = clock
        self.configuration = configuration
        self.intake = MessageIntake(
            store: store, clock: clock, log: pendingLog, classify: classify, maxAttempts: configuration.maxAttempts,
            responder: responder)
        self.shouldStop = shouldStop
        self.classifierReady = classifierReady
        self.outbox = outbox
    }

    /// Runs the cycle over every configured mailbox. Throws when the server or the store fails;
    /// a failing message does not throw (it is retried, then quarantined).
    @discardableResult
    public func run() throws -> IntakeSummary {
        var summary = IntakeSummary()
        try deliverReplies(into: &summary)
        for mailbox in configuration.mailboxes {
            if shouldStop() { break }
            summary.add(try run(mailbox: mailbox))
        }
        summary.deliveryError = deliveryError
        log.log(LogEvent(.info, "intake.cycle_done", summary.logFields))
        return summary
    }

    private func run(mailbox: String) throws -> IntakeSummary {
        let status = try source.select(mailbox)
        let stored = try store.cursor(mailbox: mailbox)
        var cursor = MailboxCursor(uidValidity: status.uidValidity, lastUID: 0)
        if let stored, stored.uidValidity == status.uidValidity {
            cursor = stored
        } else if let stored {
            log.log(LogEvent(.warning, "intake.uidvalidity_changed", [
                "mailbox": mailbox, "old": String(stored.uidValidity), "new": String(status.uidValidity),
            ]))
            try store.setCursor(cursor, mailbox: mailbox)
        }
        let context = MailboxContext(name: mailbox, uidValidity: status.uidValidity)
        var summary = IntakeSummary()
        var cursorBlocked = false
        var listedUpTo = cursor.lastUID
        for _ in 0..<Self.maxListingsPerCycle where !shouldStop() {
            let uids = try source.uids(after: listedUpTo).filter { $0 > listedUpTo }
            guard let highest = uids.last else { break }
            listedUpTo = max(listedUpTo, highest)
            let groups = stride(from: 0, to: uids.count, by: configuration.commitSize).map {
                Array(uids[$0..<min($0 + configuration.commitSize, uids.count)])
            }
            // Each group is planned one ahead, so that its first chunk can be fetched and prepared
            // while the group before it commits its last chunk, syncs and marks (`handle`).
            var next: GroupPlan? = try plan(groups[0], in: context)
            var started: StartedChunk?
            for index in groups.indices {
                guard let current = next, !shouldStop() else { break }
                next = index + 1 < groups.count ? try plan(groups[index + 1], in: context) : nil
                let handled = try handle(current, next: next, started: &started, in: context, summary: &summary)
                try deliverReplies(into: &summary)
                for uid in current.uids where !cursorBlocked {
                    if handled.done.contains(uid) { cursor.lastUID = uid } else { cursorBlocked = true }
                }
                try store.setCursor(cursor, mailbox: mailbox)
                if handled.stoppedEarly { return summary }
            }
        }
        return summary
    }

    /// Sends the replies that are due, unless the sender already failed in this cycle.
    private func deliverReplies(into summary: inout IntakeSummary) throws {
        guard let outbox, deliveryError == nil else { return }
        do {
            let round = try outbox.dispatch(shouldStop: shouldStop)
            summary.repliesSent += round.sent
            summary.repliesRetrying += round.retrying
            summary.repliesParked += round.parked
        } catch let error as OutboxDelivery.SenderUnavailable {
            deliveryError = error.description
            log.log(LogEvent(.error, "outbox.unavailable", ["reason": error.description]))
        }
    }

    /// Which UIDs of a batch are now settled and marked (or gone), and whether a stop request cut it short.
    private struct BatchResult {
        var done: Set<UInt32> = []
        var stoppedEarly = false
    }

    /// What the intake will do with one group of UIDs, worked out from the ledger before its turn.
    private struct GroupPlan {
        var uids: [UInt32]
        /// Settled and marked before.
        var done: Set<UInt32> = []
        /// Settled before, not yet marked on the server.
        var toMark: [UInt32] = []
        var toQuarantine: [UInt32] = []
        /// The rest, to fetch and commit.
        var chunks: [[UInt32]] = []
    }

    /// A group's first chunk, fetched and being prepared while the group before it finishes.
    private struct StartedChunk {
        var preparation: BackgroundPreparation
        /// UIDs of the chunk the server no longer has.
        var gone: Set<UInt32>
    }

    private func plan(_ uids: [UInt32], in mailbox: MailboxContext) throws -> GroupPlan {
        var plan = GroupPlan(uids: uids)
        let known = try store.ledgerEntries(mailbox: mailbox.name, uidValidity: mailbox.uidValidity, uids: uids)
        var toFetch: [UInt32] = []
        for uid in uids {
            guard let entry = known[uid], entry.state.isSettled else {
                toFetch.append(uid)
                continue
            }
            if entry.marked {
                plan.done.insert(uid)
            } else if entry.state == .quarantined {
                plan.toQuarantine.append(uid)
            } else {
                plan.toMark.append(uid)
            }
        }
        // One message is one chunk whatever its size: no need to ask (the daemon's usual case after IDLE).
        let sizes = toFetch.count > 1 ? try source.sizes(uids: toFetch) : [:]
        if !toFetch.isEmpty { plan.chunks = Self.chunks(toFetch, sizes: sizes, configuration) }
        return plan
    }

    /// Takes in one group: fetch, prepare and commit its chunks, the last one durably, then mark.
    /// `started` is this group's first chunk when the group before fetched it; on return it is the
    /// next group's first chunk, fetched before this group's last commit, sync and marks, so that
    /// the other cores prepare it meanwhile (nothing of it is committed before its own turn).
    private func handle(
        _ plan: GroupPlan, next: GroupPlan?, started: inout StartedChunk?, in mailbox: MailboxContext,
        summary: inout IntakeSummary
    ) throws -> BatchResult {
        var result = BatchResult(done: plan.done)
        var toMark = plan.toMark
        var toQuarantine = plan.toQuarantine
        let chunks = plan.chunks
        if !chunks.isEmpty { try classifierReady() }
        // A two-stage pipeline: while chunk k is parsed and classified in the background, this
        // thread commits chunk k - 1 and then fetches chunk k + 1 (whose UID FETCH went out early).
        var inPreparation: BackgroundPreparation?
        var first = 0
        if let carried = started, !chunks.isEmpty {
            result.done.formUnion(carried.gone)
            inPreparation = carried.preparation
            first = 1
        }
        started = nil
        let nextFirst = next?.chunks.first
        for index in first..<chunks.count {
            let ahead = index + 1 < chunks.count ? chunks[index + 1] : nextFirst
            let fetched = try fetch(chunks[index], from: mailbox, prefetching: ahead, gone: &result.done)
            let preparation = BackgroundPreparation(fetched, from: mailbox, receivedAt: clock.now(), preparer: intake.preparer)
            if let previous = inPreparation {
                let prepared = previous.wait()
                try commit(prepared, syncing: false, into: &result, toMark: &toMark, toQuarantine: &toQuarantine,
                           summary: &summary)
                BackgroundPreparation.release(prepared)
                if result.stoppedEarly { break }
            }
            inPreparation = preparation
        }
        if let nextFirst, !result.stoppedEarly {
            try classifierReady()
            var gone = Set<UInt32>()
            let fetched = try fetch(nextFirst, from: mailbox, prefetching: nil, gone: &gone)
            started = StartedChunk(
                preparation: BackgroundPreparation(fetched, from: mailbox, receivedAt: clock.now(), preparer: intake.preparer),
                gone: gone)
        }
        if let last = inPreparation, !result.stoppedEarly {
            let prepared = last.wait()
            try commit(prepared, syncing: true, into: &result, toMark: &toMark, toQuarantine: &toQuarantine,
                       summary: &summary)
            BackgroundPreparation.release(prepared)
        }
        if result.stoppedEarly { started = nil }
        try mark(toMark, quarantine: toQuarantine, in: mailbox)
        summary.marked += toMark.count
        result.done.formUnion(toMark)
        result.done.formUnion(toQuarantine)
        return result
    }

    /// `uids` cut into chunks of at most `batchSize` messages and `chunkBytes` bytes (a message
    /// larger than that alone; a message counts with at most `maxMessageBytes`, as much as is kept).
    static func chunks(_ uids: [UInt32], sizes: [UInt32: Int], _ configuration: IntakeConfiguration) -> [[UInt32]] {
        var chunks: [[UInt32]] = []
        var chunk: [UInt32] = []
        var bytes = 0
        for uid in uids {
            let size = min(max(0, sizes[uid] ?? 0), configuration.maxMessageBytes)
            if !chunk.isEmpty, chunk.count >= configuration.batchSize || bytes + size > configuration.chunkBytes {
                chunks.append(chunk)
                chunk = []
                bytes = 0
            }
            chunk.append(uid)
            bytes += size
        }
        if !chunk.isEmpty { chunks.append(chunk) }
        return chunks
    }

    /// Fetches one chunk (so only a few chunks of mail are in memory at a time, and the
    /// fetch never holds the store's write lock) and asks for the next one before returning, so
    /// the server prepares it meanwhile. UIDs the server no longer has are done.
    private func fetch(
        _ uids: [UInt32], from mailbox: MailboxContext, prefetching next: [UInt32]?, gone: inout Set<UInt32>
    ) throws -> [FetchedMessage] {
        let fetched = try source.fetch(uids: uids, maxBytes: configuration.maxMessageBytes)
        if let next { try source.prefetch(uids: next, maxBytes: configuration.maxMessageBytes) }
        let returned = Set(fetched.map(\.uid))
        for uid in uids where !returned.contains(uid) {
            log.log(LogEvent(.info, "intake.gone", ["mailbox": mailbox.name, "uid": String(uid)]))
            gone.insert(uid)
        }
        return fetched
    }

    /// Commits what became of each prepared message of a chunk in one transaction. The last chunk
    /// of a group commits `syncing`, which makes the whole group durable before it is marked.
    private func commit(
        _ prepared: [PreparedMessage], syncing: Bool, into result: inout BatchResult, toMark: inout [UInt32],
        toQuarantine: inout [UInt32], summary: inout IntakeSummary
    ) throws {
        defer { pendingLog.discard() }
        // The store may run this twice (see `TicketStore.inOneCommit`): it only reports, and what it
        // reports is taken over below, once committed.
        let chunk = try store.inOneCommit(syncing: syncing) {
            pendingLog.discard()
            var chunk = CommittedChunk()
            for message in prepared {
                if shouldStop() {
                    chunk.stoppedEarly = true
                    break
                }
                chunk.summary.fetched += 1
                switch try intake.commit(message) {
                case .settled(let outcome):
                    chunk.summary.count(outcome)
                    chunk.toMark.append(message.key.uid)
                case .willRetry:
                    chunk.summary.failed += 1
                case .quarantined:
                    chunk.summary.quarantined += 1
                    chunk.toQuarantine.append(message.key.uid)
                }
            }
            return chunk
        }
        pendingLog.flush(into: log)
        summary.add(chunk.summary)
        toMark += chunk.toMark
        toQuarantine += chunk.toQuarantine
        if chunk.stoppedEarly { result.stoppedEarly = true }
    }

    /// What one committed chunk did.
    private struct CommittedChunk {
        var summary = IntakeSummary()
        var toMark: [UInt32] = []
        var toQuarantine: [UInt32] = []
        var stoppedEarly = false
    }

    /// Tells the server, then records that it was told: the keyword (and move) for settled mail,
    /// the quarantine folder for quarantined mail.
    private func mark(_ uids: [UInt32], quarantine quarantined: [UInt32], in mailbox: MailboxContext) throws {
        if !uids.isEmpty || !quarantined.isEmpty { try store.makeDurable() }
        if !uids.isEmpty {
            try source.markProcessed(uids: uids, moveTo: configuration.processedMailbox)
        }
        if !quarantined.isEmpty, let folder = configuration.quarantineMailbox {
            try source.moveToQuarantine(uids: quarantined, mailbox: folder)
        }
        let keys = (uids + quarantined).map {
            LedgerKey(mailbox: mailbox.name, uidValidity: mailbox.uidValidity, uid: $0)
        }
        if !keys.isEmpty { try store.recordMarked(keys) }
    }
}

/// The mailbox a message was fetched from, as the ledger keys it.
struct MailboxContext {
    var name: String
    var uidValidity: UInt32
}
