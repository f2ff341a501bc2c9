public import Foundation

/// The in-memory twin of the SQLite store, for pipeline tests. Keeps the same guarantees
/// (`TicketStore`), checked by the same conformance suite; "transactions" are trivially atomic
/// because every method finishes its changes before returning and throws only before changing.
public final class InMemoryTicketStore: TicketStore {
    private struct MessageRow {
        var message: StoredMessage
        var ticketNumber: String?
    }

    private var cursors: [String: MailboxCursor] = [:]
    private var ledger: [LedgerKey: LedgerEntry] = [:]
    private var messageRows: [MessageRow] = []
    private var ticketRows: [Ticket] = []
    private var eventRows: [(ticket: String, event: TicketEvent)] = []
    private var classificationRows: [(ticket: String, classification: Classification)] = []
    private var quarantineRows: [QuarantineEntry] = []
    private var outboxRows: [OutboxItem] = []
    private var costAnswerRows: [(ticket: String, effect: CostAnswerRule.Effect)] = []

    public init() {}

    public func cursor(mailbox: String) throws -> MailboxCursor? { cursors[mailbox] }

    public func setCursor(_ cursor: MailboxCursor, mailbox: String) throws { cursors[mailbox] = cursor }

    public func ledgerEntries(mailbox: String, uidValidity: UInt32, uids: [UInt32]) throws -> [UInt32: LedgerEntry] {
        var found: [UInt32: LedgerEntry] = [:]
        for uid in uids {
            if let entry = ledger[LedgerKey(mailbox: mailbox, uidValidity: uidValidity, uid: uid)] { found[uid] = entry }
        }
        return found
    }

    public func commitIntake(_ record: IntakeRecord, responder: (any Responder)?) throws -> IntakeOutcome {
        if let existing = ledger[record.key], existing.state.isSettled { return .alreadySettled(existing) }
        return try IntakeApplier.apply(record, responder: responder, to: Writer(store: self))
    }

    public func recordFailure(_ attempt: FailedAttempt) throws -> Int {
        let attempts = (ledger[attempt.key]?.attempts ?? 0) + 1
        ledger[attempt.key] = entry(for: attempt, state: .failed, attempts: attempts)
        return attempts
    }

    public func quarantine(_ attempt: FailedAttempt) throws -> Int {
        let attempts = ledger[attempt.key]?.attempts ?? 0
        ledger[attempt.key] = entry(for: attempt, state: .quarantined, attempts: attempts)
        let id = quarantineRows.count + 1
        quarantineRows.append(QuarantineEntry(
            id: id, key: attempt.key, messageID: attempt.messageID, reason: attempt.reason, attempts: attempts,
            state: .held, raw: attempt.raw, size: attempt.size, quarantinedAt: attempt.at))
        return id
    }

    public func recordMarked(_ keys: [LedgerKey]) throws {
        for key in keys where ledger[key]?.state.isSettled == true { ledger[key]?.marked = true }
    }

    public func makeDurable() throws {}

    /// Each call inside is already atomic here; the batch as a whole is not rolled back.
    public func inOneCommit<T>(syncing: Bool, _ body: () throws -> T) throws -> T { try body() }

    public func ledgerCounts() throws -> [LedgerState: Int] {
        var counts: [LedgerState: Int] = [:]
        for entry in ledger.values { counts[entry.state, default: 0] += 1 }
        return counts
    }

    public func quarantineEntries(state: QuarantineEntry.State?) throws -> [QuarantineEntry] {
        quarantineRows.filter { state == nil || $0.state == state }
    }

    public func quarantineEntry(id: Int) throws -> QuarantineEntry? { quarantineRows.first { $0.id == id } }

    public func retryQuarantined(id: Int, with record: IntakeRecord, responder: (any Responder)?) throws -> IntakeOutcome {
        let index = try heldQuarantineIndex(id)
        quarantineRows[index].state = .retried
        return try IntakeApplier.apply(record, responder: responder, to: Writer(store: self))
    }

    public func discardQuarantined(id: Int, at date: Date) throws {
        let index = try heldQuarantineIndex(id)
        quarantineRows[index].state = .discarded
        let key = quarantineRows[index].key
        ledger[key]?.state = .discarded
        ledger[key]?.outcome = "discarded from quarantine"
        ledger[key]?.updatedAt = date
    }

    public func tickets(status: TicketStatus?, limit: Int?) throws -> [Ticket] {
        let matching = ticketRows.reversed().filter { status == nil || $0.status == status }
        return Array(matching.prefix(limit ?? matching.count))
    }

    public func ticket(number: String) throws -> Ticket? { ticketRows.first { $0.number == number } }

    public func messages(ticketNumber: String) throws -> [StoredMessage] {
        messageRows.filter { $0.ticketNumber == ticketNumber }.map(\.message)
    }

    public func events(ticketNumber: String) throws -> [TicketEvent] {
        eventRows.filter { $0.ticket == ticketNumber }.map(\.event)
    }

    public func classifications(ticketNumber: String) throws -> [Classification] {
        classificationRows.filter { $0.ticket == ticketNumber }.map(\.classification)
    }

    public func ticketCount() throws -> Int { ticketRows.count }

    public func dueReplies(at date: Date, limit: Int) throws -> [OutboxItem] {
        Array(outboxRows.filter { $0.state == .pending && ($0.nextAttemptAt ?? $0.createdAt) <= date }.prefix(limit))
    }

    public func recordReplySent(id: Int, at date: Date) throws {
        guard let index = outboxRows.firstIndex(where: { $0.id == id }) else { return }
        outboxRows[index].state = .sent
        outboxRows[index].attempts += 1
        outboxRows[index].sentAt = date
    }

    public func recordReplyFailure(id: Int, error: String, retryAt: Date?, at date: Date) throws {
        guard let index = outboxRows.firstIndex(where: { $0.id == id }) else { return }
        outboxRows[index].attempts += 1
        outboxRows[index].lastError = error
        outboxRows[index].nextAttemptAt = retryAt
        if retryAt == nil { outboxRows[index].state = .failed }
    }

    public func replies(ticketNumber: String) throws -> [OutboxItem] {
        outboxRows.filter { $0.ticketNumber == ticketNumber }
    }

    public func outboxItems(state: OutboxItem.State?) throws -> [OutboxItem] {
        outboxRows.filter { state == nil || $0.state == state }
    }

    public func requeueReply(id: Int, at date: Date) throws {
        guard let index = outboxRows.firstIndex(where: { $0.id == id }) else { throw TicketStoreError.unknownOutboxItem(id) }
        guard outboxRows[index].state == .failed else {
            throw TicketStoreError.notParked(id: id, state: outboxRows[index].state)
        }
        outboxRows[index].state = .pending
        outboxRows[index].attempts = 0
        outboxRows[index].nextAttemptAt = date
    }

    public func outboxCounts() throws -> [OutboxItem.State: Int] {
        var counts: [OutboxItem.State: Int] = [:]
        for row in outboxRows { counts[row.state, default: 0] += 1 }
        return counts
    }

    private func heldQuarantineIndex(_ id: Int) throws -> Int {
        guard let index = quarantineRows.firstIndex(where: { $0.id == id }) else {
            throw TicketStoreError.unknownQuarantineEntry(id)
        }
        guard quarantineRows[index].state == .held else {
            throw TicketStoreError.notHeld(id: id, state: quarantineRows[index].state)
        }
        return index
    }

    private func entry(for attempt: FailedAttempt, state: LedgerState, attempts: Int) -> LedgerEntry {
        LedgerEntry(
            key: attempt.key, messageID: attempt.messageID, rawSHA256: attempt.rawSHA256,
            contentSHA256: attempt.contentSHA256, state: state, attempts: attempts, outcome: attempt.reason,
            ticketNumber: nil, marked: false, updatedAt: attempt.at)
    }

    /// The intake's rows, written straight into the arrays (each call finishes before the next).
    private struct Writer: IntakeWriter {
        let store: InMemoryTicketStore

        func duplicateTicket(of record: IntakeRecord) throws -> String? {
            store.messageRows.first {
                $0.ticketNumber != nil && $0.message.messageID == record.messageID
                    && $0.message.contentSHA256 == record.contentSHA256
            }?.ticketNumber
        }

        func ticketAnswered(byAnyOf messageIDs: [String]) throws -> FollowUpRule.Candidate? {
            for id in messageIDs {
                guard let number = store.outboxRows.first(where: { $0.message.messageID == id })?.ticketNumber,
                      let ticket = try ticket(number: number) else { continue }
                return FollowUpRule.Candidate(number: ticket.number, customer: ticket.customer)
            }
            return nil
        }

        func ticket(number: String) throws -> Ticket? { store.ticketRows.first { $0.number == number } }

        func createTicket(_ fields: NewTicket, record: IntakeRecord) throws -> Ticket {
            let number = String(TicketNumbering.next(after: store.ticketRows.last.flatMap { Int($0.number) }))
            let ticket = Ticket(
                number: number, status: fields.status, customer: fields.customer, subject: fields.subject,
                suggestedHandling: fields.suggestedHandling, createdAt: record.receivedAt, notes: fields.notes)
            store.ticketRows.append(ticket)
            try storeMessage(record, ticket: number)
            return try self.ticket(number: number) ?? ticket
        }

        func storeMessage(_ record: IntakeRecord, ticket: String?) throws {
            store.messageRows.append(MessageRow(message: StoredMessage(
                messageID: record.messageID, contentSHA256: record.contentSHA256, raw: record.raw, size: record.size,
                receivedAt: record.receivedAt), ticketNumber: ticket))
            if let ticket, let id = record.messageID, let index = index(of: ticket) {
                store.ticketRows[index].messageIDs.append(id)
            }
        }

        func addEvent(_ event: TicketEvent, ticket: String) throws { store.eventRows.append((ticket, event)) }

        func addClassification(_ classification: Classification, ticket: String, at date: Date) throws {
            store.classificationRows.append((ticket, classification))
        }

        func recordCostAnswer(_ effect: CostAnswerRule.Effect, ticket: String, record: IntakeRecord) throws {
            store.costAnswerRows.append((ticket, effect))
            guard let index = index(of: ticket) else { return }
            store.ticketRows[index].costAccepted = effect.costAccepted
            store.ticketRows[index].status = effect.status
        }

        func setStatus(_ status: TicketStatus, ticket: String, at date: Date) throws {
            if let index = index(of: ticket) { store.ticketRows[index].status = status }
        }

        func repliesSent(to recipient: String, since date: Date) throws -> [Date] {
            store.outboxRows.filter { $0.message.recipient == recipient && $0.createdAt > date }.map(\.createdAt)
        }

        func enqueue(_ message: OutboxMessage, ticket: String, at date: Date) throws {
            guard !store.outboxRows.contains(where: { $0.message.messageID == message.messageID }) else { return }
            store.outboxRows.append(OutboxItem(
                id: store.outboxRows.count + 1, ticketNumber: ticket, message: message, state: .pending, attempts: 0,
                nextAttemptAt: nil, lastError: nil, createdAt: date, sentAt: nil))
        }

        func settleLedger(_ record: IntakeRecord, outcome: IntakeOutcome) throws {
            store.ledger[record.key] = LedgerEntry(
                key: record.key, messageID: record.messageID, rawSHA256: record.rawSHA256,
                contentSHA256: record.contentSHA256, state: outcome.ledgerState,
                attempts: store.ledger[record.key]?.attempts ?? 0, outcome: outcome.summary,
                ticketNumber: outcome.ticketNumber, marked: false, updatedAt: record.receivedAt)
        }

        private func index(of ticket: String) -> Int? { store.ticketRows.firstIndex { $0.number == ticket } }
    }
}
