public import Foundation

/// Where tickets, the ledger and the mailbox cursors live. Implementations: SQLite
/// (`SQLiteTicketStore`) and `InMemoryTicketStore`; `TicketStoreConformance` checks both.
///
/// Implementers must guarantee:
/// - `commitIntake` is one atomic transaction: the stored message, the ticket (or duplicate
///   record), its events and the ledger row all commit together or not at all;
/// - `commitIntake` is idempotent per ledger key: when the key is already settled it writes
///   nothing and answers `.alreadySettled`;
/// - the duplicate check (same Message-ID and same content hash as a stored message) happens inside
///   that transaction, so two processes can never both open a ticket for one mail;
/// - ticket numbers follow `TicketNumbering` and are never reused;
/// - nothing here is specific to one database: no SQL, no row ids leak out.
public protocol TicketStore: AnyObject {
    // MARK: Mailbox cursors

    /// The cursor of `mailbox`, or nil when the mailbox was never polled.
    func cursor(mailbox: String) throws -> MailboxCursor?
    func setCursor(_ cursor: MailboxCursor, mailbox: String) throws

    // MARK: Ledger

    /// The ledger rows for these UIDs of one mailbox under one UIDVALIDITY, by UID.
    func ledgerEntries(mailbox: String, uidValidity: UInt32, uids: [UInt32]) throws -> [UInt32: LedgerEntry]
    /// Records a fetched message and its outcome in one transaction (see the type's guarantees):
    /// a new ticket, a follow-up on the ticket `FollowUpRule` finds (with the cost answer
    /// `CostAnswerRule` applies), a duplicate or an ignored mail. When `responder` is given, it
    /// decides the reply to a new ticket or follow-up inside the same transaction, and the outbox
    /// row (or the reason for silence) commits with the ticket.
    func commitIntake(_ record: IntakeRecord, responder: (any Responder)?) throws -> IntakeOutcome
    /// Counts one more failed attempt on the ledger row (creating it) and returns the attempts so far.
    func recordFailure(_ attempt: FailedAttempt) throws -> Int
    /// Settles the ledger row as quarantined and keeps the bytes; returns the quarantine id.
    func quarantine(_ attempt: FailedAttempt) throws -> Int
    /// Notes that the server was told (keyword set, message moved) for these settled messages.
    func recordMarked(_ keys: [LedgerKey]) throws
    /// Runs `body` (several `commitIntake`/`recordFailure`/`quarantine` calls) as one commit where
    /// the store can: each call inside stays all or nothing on its own (a failing one leaves the
    /// others), and the batch as a whole is committed once, which saves a disk write per message.
    /// When `body` throws, stores that can roll the batch back do. A store may run `body` more than
    /// once (SQLite first runs it without isolating the calls from each other, which is cheaper,
    /// and again with isolation when one of them failed), so `body` must change nothing outside
    /// the store: it returns what it found. Callers tell the server about the messages only after
    /// this returns. `syncing` asks the store to make this commit (and
    /// every earlier one) survive a power loss as part of committing, where that is cheaper than a
    /// separate `makeDurable()`; the caller still calls `makeDurable()` before it tells the server.
    func inOneCommit<T>(syncing: Bool, _ body: () throws -> T) throws -> T
    /// Makes every commit so far survive a power loss; the intake calls it before it tells the
    /// server a message is done (so that a marked or moved mail always has its ticket).
    func makeDurable() throws
    /// How many ledger rows are in each state (for monitoring and the crash test).
    func ledgerCounts() throws -> [LedgerState: Int]

    // MARK: Quarantine

    /// Quarantine entries, oldest first; only those in `state` when given.
    func quarantineEntries(state: QuarantineEntry.State?) throws -> [QuarantineEntry]
    func quarantineEntry(id: Int) throws -> QuarantineEntry?
    /// Applies `record` (made from the entry's bytes) as if the intake had just succeeded, and marks
    /// the entry `retried`, in one transaction. Throws `TicketStoreError.notHeld` unless it is held.
    func retryQuarantined(id: Int, with record: IntakeRecord, responder: (any Responder)?) throws -> IntakeOutcome
    /// Marks a held entry `discarded` and its ledger row `discarded`.
    func discardQuarantined(id: Int, at date: Date) throws

    // MARK: Tickets

    /// Tickets newest first, only those with `status` when given, at most `limit` when given.
    func tickets(status: TicketStatus?, limit: Int?) throws -> [Ticket]
    func ticket(number: String) throws -> Ticket?
    /// The inbound mails of a ticket, oldest first.
    func messages(ticketNumber: String) throws -> [StoredMessage]
    /// The ticket's audit trail, oldest first.
    func events(ticketNumber: String) throws -> [TicketEvent]
    /// The classifications recorded for the ticket's mails, oldest first.
    func classifications(ticketNumber: String) throws -> [Classification]
    func ticketCount() throws -> Int

    // MARK: Outbox

    /// Pending rows due at `date` (never tried, or their retry time has come), oldest first.
    func dueReplies(at date: Date, limit: Int) throws -> [OutboxItem]
    /// Marks a row sent, in a commit of its own (the only window for a double send, see `OutboxDelivery`).
    func recordReplySent(id: Int, at date: Date) throws
    /// Counts a failed attempt: retry at `retryAt`, or park the row as failed when it is nil.
    func recordReplyFailure(id: Int, error: String, retryAt: Date?, at date: Date) throws
    /// The replies queued on a ticket, oldest first.
    func replies(ticketNumber: String) throws -> [OutboxItem]
    /// How many outbox rows are in each state (monitoring, tests).
    func outboxCounts() throws -> [OutboxItem.State: Int]
    /// Outbox rows oldest first, only those in `state` when given (the operator's view).
    func outboxItems(state: OutboxItem.State?) throws -> [OutboxItem]
    /// Makes a parked (failed) row due again at `date` with its attempts reset, after the operator
    /// fixed the cause. Throws `TicketStoreError.unknownOutboxItem` or `.notParked`.
    func requeueReply(id: Int, at date: Date) throws
}

/// Errors every store reports the same way.
public enum TicketStoreError: Error, Hashable, CustomStringConvertible {
    case unknownQuarantineEntry(Int)
    case notHeld(id: Int, state: QuarantineEntry.State)
    case unknownOutboxItem(Int)
    case notParked(id: Int, state: OutboxItem.State)

    public var description: String {
        switch self {
        case .unknownQuarantineEntry(let id): "no quarantine entry \(id)"
        case .notHeld(let id, let state): "quarantine entry \(id) is already \(state.rawValue)"
        case .unknownOutboxItem(let id): "no outbox entry \(id)"
        case .notParked(let id, let state): "outbox entry \(id) is \(state.rawValue), not failed: only parked replies are queued again"
        }
    }
}

extension TicketStore {
    /// Commits with no responder: no reply is decided (tools and tests that only ticket mail).
    public func commitIntake(_ record: IntakeRecord) throws -> IntakeOutcome {
        try commitIntake(record, responder: nil)
    }

    public func retryQuarantined(id: Int, with record: IntakeRecord) throws -> IntakeOutcome {
        try retryQuarantined(id: id, with: record, responder: nil)
    }

    /// One commit with no sync of its own (see `inOneCommit(syncing:_:)`).
    public func inOneCommit<T>(_ body: () throws -> T) throws -> T {
        try inOneCommit(syncing: false, body)
    }
}
