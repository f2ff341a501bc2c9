import Foundation
import Tickets

/// `quarantine list|retry N|discard N`: messages the intake gave up on. Retry re-runs the intake
/// on the stored bytes (the server copy stays in the quarantine mailbox); discard records that an
/// agent dropped it.
enum QuarantineCommand: Command {
    static let name = "quarantine"
    static let summary = "list, retry or discard quarantined messages"
    static let usage = """
        usage: support-intake quarantine list [--all] [--json] [--config F]
               support-intake quarantine retry N [--config F]
               support-intake quarantine discard N [--config F]
          list shows held entries (--all: also retried and discarded ones).
          retry takes the stored message in again (a ticket, or a duplicate of one); discard drops it.
        """

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let verb = try arguments.positional("a subcommand (list, retry or discard)")
        switch verb {
        case "list": return try list(&arguments)
        case "retry", "discard": return try resolve(verb, &arguments)
        default: throw CommandError.usage("unknown quarantine subcommand '\(verb)' (expected list, retry or discard)")
        }
    }

    private static func list(_ arguments: inout Arguments) throws -> Int32 {
        let all = arguments.flag("--all"), json = arguments.flag("--json")
        let configuration = try arguments.configuration()
        try arguments.finish()
        let store = try StoreOpener.open(configuration)
        for entry in try store.quarantineEntries(state: all ? nil : .held) {
            if json {
                print(try TicketJSON.line([
                    "id": entry.id, "mailbox": entry.key.mailbox, "uid_validity": Int(entry.key.uidValidity),
                    "uid": Int(entry.key.uid), "message_id": entry.messageID ?? NSNull(), "reason": entry.reason,
                    "attempts": entry.attempts, "state": entry.state.rawValue, "size": entry.size,
                    "quarantined_at": TicketJSON.timestamp(entry.quarantinedAt),
                ]))
            } else {
                print([String(entry.id), entry.state.rawValue, entry.key.description, entry.messageID ?? "-",
                       "attempts=\(entry.attempts)", entry.reason].joined(separator: "\t"))
            }
        }
        return 0
    }

    private static func resolve(_ verb: String, _ arguments: inout Arguments) throws -> Int32 {
        let configuration = try arguments.configuration()
        let text = try arguments.positional("a quarantine entry number")
        try arguments.finish()
        guard let id = Int(text) else { throw CommandError.usage("'\(text)' is not a quarantine entry number") }
        let store = try StoreOpener.open(configuration)
        let clock = SystemClock()
        do {
            guard let entry = try store.quarantineEntry(id: id) else { throw TicketStoreError.unknownQuarantineEntry(id) }
            if verb == "discard" {
                try store.discardQuarantined(id: id, at: clock.now())
                print("quarantine \(id) discarded")
                return 0
            }
            let intake = MessageIntake(
                store: store, clock: clock, log: StandardErrorLogSink(clock: clock), classify: try IntakeClassifier.make(configuration),
                maxAttempts: configuration.imap.maxAttempts)
            let record = try intake.record(key: entry.key, raw: entry.raw, size: entry.size)
            // The reply is queued with the ticket; the next poll or run sends it.
            let outcome = try store.retryQuarantined(
                id: id, with: record, responder: try ReplySetup.load(configuration)?.planner)
            print("quarantine \(id) retried: \(outcome.summary)")
            return 0
        } catch let error as TicketStoreError {
            throw CommandError.failed(error.description)
        } catch let error as ConfigurationError {
            throw CommandError.usage(error.description)
        }
    }
}
