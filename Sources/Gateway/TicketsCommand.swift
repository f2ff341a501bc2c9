import Foundation
import MailCore
import Tickets

/// `tickets list|show`: read the ticket store (the agent workflow adds confirm, log-time, …).
enum TicketsCommand: Command {
    static let name = "tickets"
    static let summary = "list, show and work on tickets"
    static let usage = """
        usage: support-intake tickets list [--status S] [--limit N] [--json] [--config F]
               support-intake tickets show N [--json] [--config F]
          list: newest first; S is one of \(TicketStatus.allCases.map(\.rawValue).joined(separator: ", ")).
          show: one ticket with its mails (decoded text), classification reasons and events.
          --json prints one JSON object per line (contracts/cli.md keys).
        """

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let verb = try arguments.positional("a subcommand (list or show)")
        switch verb {
        case "list": return try list(&arguments)
        case "show": return try show(&arguments)
        default: throw CommandError.usage("unknown tickets subcommand '\(verb)' (expected list or show)")
        }
    }

    private static func list(_ arguments: inout Arguments) throws -> Int32 {
        let json = arguments.flag("--json")
        let status = try arguments.option("--status").map { text in
            guard let status = TicketStatus(rawValue: text) else {
                throw CommandError.usage("--status must be one of \(TicketStatus.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'")
            }
            return status
        }
        let limit = try arguments.option("--limit").map { text in
            guard let limit = Int(text), limit >= 1 else { throw CommandError.usage("--limit must be a whole number of at least 1, not '\(text)'") }
            return limit
        }
        let configuration = try arguments.configuration()
        try arguments.finish()
        let store = try StoreOpener.open(configuration)
        for ticket in try store.tickets(status: status, limit: limit) {
            if json {
                print(try TicketJSON.line(TicketJSON.summary(ticket)))
            } else {
                print([ticket.number, ticket.status.rawValue, ticket.handling?.rawValue ?? "-", ticket.customer,
                       ticket.subject].joined(separator: "\t"))
            }
        }
        return 0
    }

    private static func show(_ arguments: inout Arguments) throws -> Int32 {
        let json = arguments.flag("--json")
        let configuration = try arguments.configuration()
        let number = try arguments.positional("a ticket number")
        try arguments.finish()
        let store = try StoreOpener.open(configuration)
        guard let ticket = try store.ticket(number: number) else {
            throw CommandError.failed("no ticket \(number)")
        }
        let messages = try store.messages(ticketNumber: number)
        let events = try store.events(ticketNumber: number)
        let classifications = try store.classifications(ticketNumber: number)
        if json {
            print(try TicketJSON.line(TicketJSON.detail(
                ticket, messages: messages, events: events, classifications: classifications)))
        } else {
            print(TicketText.render(ticket, messages: messages, events: events, classifications: classifications))
        }
        return 0
    }
}
