/// The knobs of the intake cycle. Every limit is named here with its default.
public struct IntakeConfiguration: Sendable, Hashable {
    /// Messages fetched per `UID FETCH` and committed per transaction, at most (a chunk). A
    /// 5,000-mail poll took 12 % less time at 250 than at 50 (fewer WAL frames: each commit
    /// rewrites the index pages it touched; alternating runs, medians 0.66 and 0.75 s) and 3 %
    /// less than at 500.
    public static let defaultBatchSize = 250
    /// Bytes of mail per chunk, at most (a larger message makes a chunk of its own): with three
    /// chunks in memory at a time, this and `maxMessageBytes` bound the intake's memory, not the
    /// number of messages.
    public static let defaultChunkBytes = 8 << 20
    /// Messages committed, synced and marked on the server together (fetched `batchSize` at a
    /// time within that, so at most three chunks are in memory: one being committed, one being
    /// parsed and classified in the background, one arriving). Each group costs one
    /// disk sync and a few server round trips, which dominated the intake at 50 per group; at
    /// 250 the pause between groups (sync, STORE round trip, the next group's first fetch, ~7 ms)
    /// was still about 4 % of a 5,000-message poll. A crash re-fetches at most one group, which
    /// the ledger recognises.
    public static let defaultCommitSize = 1_000
    /// The largest message kept whole; longer ones are truncated and noted on the ticket.
    public static let defaultMaxMessageBytes = 25 * 1024 * 1024
    /// Failed attempts before a message is quarantined.
    public static let defaultMaxAttempts = 3

    public var mailboxes: [String]
    public var batchSize: Int
    public var chunkBytes: Int
    public var commitSize: Int
    public var maxMessageBytes: Int
    public var maxAttempts: Int
    /// Where processed mail is moved after it is committed; nil keeps it in place (keyword only).
    public var processedMailbox: String?
    /// Where quarantined mail is moved; nil leaves it in place (recorded in the store only).
    public var quarantineMailbox: String?

    public init(
        mailboxes: [String] = ["INBOX"], batchSize: Int = defaultBatchSize, chunkBytes: Int = defaultChunkBytes,
        commitSize: Int = defaultCommitSize,
        maxMessageBytes: Int = defaultMaxMessageBytes, maxAttempts: Int = defaultMaxAttempts,
        processedMailbox: String? = nil, quarantineMailbox: String? = nil
    ) {
        self.mailboxes = mailboxes
        self.batchSize = max(1, batchSize)
        self.chunkBytes = max(1, chunkBytes)
        self.commitSize = max(1, commitSize)
        self.maxMessageBytes = max(1, maxMessageBytes)
        self.maxAttempts = max(1, maxAttempts)
        self.processedMailbox = processedMailbox
        self.quarantineMailbox = quarantineMailbox
    }
}
