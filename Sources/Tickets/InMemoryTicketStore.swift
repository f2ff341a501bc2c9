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

    public func commitIntake(_ record: IntakeRecord) throws -> IntakeOutcome {
        if let existing = ledger[record.key], existing.state.isSettled { return .alreadySettled(existing) }
        return apply(record)
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

    public func retryQuarantined(id: Int, with record: IntakeRecord) throws -> IntakeOutcome {
        let index = try heldQuarantineIndex(id)
        quarantineRows[index].state = .retried
        return apply(record)
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

    private func heldQuarantineIndex(_ id: Int) throws -> Int {
        guard let index = quarantineRows.firstIndex(where: { $0.id == id }) else {
            throw TicketStoreError.unknownQuarantineEntry(id)
        }
        guard quarantineRows[index].state == .held else {
            throw TicketStoreError.notHeld(id: id, state: quarantineRows[index].state)
        }
        return index
    }

    private func apply(_ record: IntakeRecord) -> IntakeOutcome {
        let attempts = ledger[record.key]?.attempts ?? 0
        let stored = StoredMessage(
            messageID: record.messageID, contentSHA256: record.contentSHA256, raw: record.raw, size: record.size,
            receivedAt: record.receivedAt)
        let outcome: IntakeOutcome
        switch record.action {
        case .ignore(let reason):
            messageRows.append(MessageRow(message: stored, ticketNumber: nil))
            outcome = .ignored(reason: reason)
        case .newTicket(let fields):
            if let original = messageRows.first(where: {
                $0.ticketNumber != nil && $0.message.messageID == record.messageID
                    && $0.message.contentSHA256 == record.contentSHA256
            }), let number = original.ticketNumber {
                eventRows.append((number, IntakeEvents.duplicate(record)))
                outcome = .duplicate(of: number)
            } else {
                let number = String(TicketNumbering.next(after: ticketRows.last.flatMap { Int($0.number) }))
                ticketRows.append(Ticket(
                    number: number, status: fields.status, customer: fields.customer, subject: fields.subject,
                    suggestedHandling: fields.suggestedHandling, messageIDs: record.messageID.map { [$0] } ?? [],
                    createdAt: record.receivedAt, notes: fields.notes))
                messageRows.append(MessageRow(message: stored, ticketNumber: number))
                for event in IntakeEvents.created(record, notes: fields.notes) { eventRows.append((number, event)) }
                if let classification = record.classification { classificationRows.append((number, classification)) }
                outcome = .ticketed(number: number)
            }
        }
        ledger[record.key] = LedgerEntry(
            key: record.key, messageID: record.messageID, rawSHA256: record.rawSHA256,
            contentSHA256: record.contentSHA256, state: outcome.ledgerState, attempts: attempts,
            outcome: outcome.summary, ticketNumber: outcome.ticketNumber, marked: false, updatedAt: record.receivedAt)
        return outcome
    }

    private func entry(for attempt: FailedAttempt, state: LedgerState, attempts: Int) -> LedgerEntry {
        LedgerEntry(
            key: attempt.key, messageID: attempt.messageID, rawSHA256: attempt.rawSHA256,
            contentSHA256: attempt.contentSHA256, state: state, attempts: attempts, outcome: attempt.reason,
            ticketNumber: nil, marked: false, updatedAt: attempt.at)
    }
}
