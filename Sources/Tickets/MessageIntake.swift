import MailCore

/// Takes one fetched message into the store: hash, parse, classify, commit, or count the failure
/// and quarantine after too many. Shared by the intake cycle and `quarantine retry`.
public struct MessageIntake {
    /// What became of the message.
    public enum Result: Sendable, Hashable {
        case settled(IntakeOutcome)
        case willRetry(attempts: Int)
        case quarantined(id: Int)
    }

    let store: any TicketStore
    let clock: any Clock
    let log: any LogSink
    let preparer: MessagePreparer
    let maxAttempts: Int
    let responder: (any Responder)?

    public init(
        store: any TicketStore, clock: any Clock, log: any LogSink, classify: @escaping IntakeCycle.Classify,
        maxAttempts: Int, responder: (any Responder)? = nil
    ) {
        self.store = store
        self.clock = clock
        self.log = log
        self.preparer = MessagePreparer(classify: classify)
        self.maxAttempts = maxAttempts
        self.responder = responder
    }

    /// Builds the record for `raw` (the bytes kept of a message of `size` bytes), received now:
    /// parsing never fails; the classifier may throw.
    public func record(key: LedgerKey, raw: [UInt8], size: Int) throws -> IntakeRecord {
        try preparer.record(key: key, raw: raw, size: size, receivedAt: clock.now())
    }

    /// Commits a prepared message, or counts its failure. Throws only when the store cannot record
    /// the failure either (then the cycle stops).
    func commit(_ prepared: PreparedMessage) throws -> Result {
        do {
            let outcome = try store.commitIntake(try prepared.record.get(), responder: responder)
            log.log(event(for: outcome, key: prepared.key))
            return .settled(outcome)
        } catch {
            return try fail(key: prepared.key, message: prepared.message, size: prepared.size, reason: "\(error)")
        }
    }

    private func fail(key: LedgerKey, message: FetchedMessage, size: Int, reason: String) throws -> Result {
        let hashes = ContentHash.hexDigests(of: message.bytes)
        let attempt = FailedAttempt(
            key: key, messageID: MessageParser.parse(message.bytes).messageID,
            rawSHA256: hashes.raw, contentSHA256: hashes.content,
            reason: reason, raw: message.bytes, size: size, at: clock.now())
        let attempts = try store.recordFailure(attempt)
        guard attempts >= maxAttempts else {
            log.log(LogEvent(.warning, "intake.failed", [
                "mailbox": key.mailbox, "uid": String(key.uid), "attempt": String(attempts), "reason": reason,
            ]))
            return .willRetry(attempts: attempts)
        }
        let id = try store.quarantine(attempt)
        log.log(LogEvent(.error, "intake.quarantined", [
            "mailbox": key.mailbox, "uid": String(key.uid), "quarantine": String(id),
            "attempts": String(attempts), "reason": reason,
        ]))
        return .quarantined(id: id)
    }

    private func event(for outcome: IntakeOutcome, key: LedgerKey) -> LogEvent {
        let mailbox = key.mailbox, uid = String(key.uid)
        switch outcome {
        case .ticketed(let number):
            return LogEvent(.info, "intake.ticketed", ["mailbox": mailbox, "uid": uid, "ticket": number])
        case .followUp(let number):
            return LogEvent(.info, "intake.followup", ["mailbox": mailbox, "uid": uid, "ticket": number])
        case .duplicate(let number):
            return LogEvent(.info, "intake.duplicate", ["mailbox": mailbox, "uid": uid, "ticket": number])
        case .ignored(let reason):
            return LogEvent(.info, "intake.ignored", ["mailbox": mailbox, "uid": uid, "reason": reason])
        case .alreadySettled(let entry):
            return LogEvent(.info, "intake.already_settled", [
                "mailbox": mailbox, "uid": uid, "state": entry.state.rawValue,
            ])
        }
    }
}
