import Foundation
import Tickets

/// `outbox list|retry N`: the operator's view of the replies. Parked replies (the server refused
/// them for good, or they failed too often) wait here with the server's words until someone fixes
/// the cause and queues them again; the next `poll` or `run` sends them.
enum OutboxCommand: Command {
    static let name = "outbox"
    static let summary = "list queued, sent and parked replies; queue a parked one again"
    static let usage = """
        usage: support-intake outbox list [--state pending|sent|failed] [--json] [--config F]
               support-intake outbox retry N [--config F]
          list shows the replies oldest first (all states unless --state is given).
          retry makes a parked (failed) reply due again, with its attempts reset.
        """

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let verb = try arguments.positional("a subcommand (list or retry)")
        switch verb {
        case "list": return try list(&arguments)
        case "retry": return try retry(&arguments)
        default: throw CommandError.usage("unknown outbox subcommand '\(verb)' (expected list or retry)")
        }
    }

    private static func list(_ arguments: inout Arguments) throws -> Int32 {
        let state = try arguments.option("--state", as: OutboxItem.State.self, expected: "pending, sent or failed")
        let json = arguments.flag("--json")
        let configuration = try arguments.configuration()
        try arguments.finish()
        let store = try StoreOpener.open(configuration)
        for item in try store.outboxItems(state: state) {
            if json {
                print(try TicketJSON.line([
                    "id": item.id, "ticket": item.ticketNumber ?? NSNull(), "kind": item.message.kind,
                    "message_id": item.message.messageID, "recipient": item.message.recipient, "state": item.state.rawValue,
                    "attempts": item.attempts, "last_error": item.lastError ?? NSNull(),
                    "created_at": TicketJSON.timestamp(item.createdAt),
                    "sent_at": item.sentAt.map(TicketJSON.timestamp) ?? NSNull(),
                ]))
            } else {
                print([String(item.id), item.state.rawValue, "ticket \(item.ticketNumber ?? "-")", item.message.kind,
                       item.message.recipient, "attempts=\(item.attempts)", TicketText.oneLine(item.lastError ?? "")].joined(separator: "\t"))
            }
        }
        return 0
    }

    private static func retry(_ arguments: inout Arguments) throws -> Int32 {
        let configuration = try arguments.configuration()
        let text = try arguments.positional("an outbox entry number")
        try arguments.finish()
        guard let id = Int(text) else { throw CommandError.usage("'\(text)' is not an outbox entry number") }
        let store = try StoreOpener.open(configuration)
        do {
            try store.requeueReply(id: id, at: SystemClock().now())
        } catch let error as TicketStoreError {
            throw CommandError.failed(error.description)
        }
        print("outbox \(id) queued again; the next poll or run sends it")
        return 0
    }
}
