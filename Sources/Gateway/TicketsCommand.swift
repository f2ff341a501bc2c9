import Foundation
import MailCore
import Tickets

/// `tickets list|show|confirm|accept-costs|log-time|close`: the review queue and the agents' decisions
/// (the state machine is documented on `TicketStatus`).
enum TicketsCommand: Command {
    static let name = "tickets"
    static let summary = "list, show and work on tickets"
    static let usage = """
        usage: support-intake tickets list [--status S] [--limit N] [--json] [--config F]
               support-intake tickets show N [--json] [--config F]
               support-intake tickets confirm N [--as standard|extended] --agent NAME [--note TEXT] [--config F]
               support-intake tickets accept-costs N --via phone|mail --agent NAME [--note TEXT] [--config F]
               support-intake tickets log-time N MINUTES --agent NAME [--note TEXT] [--force] [--config F]
               support-intake tickets close N --agent NAME [--note TEXT] [--config F]
          list: newest first, with the suggestion, its confidence and top reasons;
                S is one of \(TicketStatus.allCases.map(\.rawValue).joined(separator: ", ")).
          show: one ticket with its mails (decoded text), classification reasons, replies sent or
                suppressed, events, cost acceptances, time entries and billable quarter hours.
          confirm: keep the suggested handling, or override it with --as; an override queues the
                customer's notice (cost-notice, or handling-changed) for the next poll. Once per ticket.
          accept-costs: record the customer's acceptance of extended-support costs.
          log-time: MINUTES from 1 to \(AgentInput.maxMinutesPerEntry); on an extended ticket without the
                customer's acceptance only with --force and a --note saying why.
          close: the ticket is done; a new customer mail reopens it into needs-review.
          Billing is per ticket: the started quarter hours of its total time, only for extended
          tickets with accepted costs (see 'billing report --help').
          --json prints one JSON object per line (contracts/cli.md keys).
        """

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let verb = try arguments.positional("a subcommand (list, show, confirm, accept-costs, log-time or close)")
        switch verb {
        case "list": return try list(&arguments)
        case "show": return try show(&arguments)
        case "confirm": return try confirm(&arguments)
        case "accept-costs": return try acceptCosts(&arguments)
        case "log-time": return try logTime(&arguments)
        case "close": return try close(&arguments)
        default:
            throw CommandError.usage(
                "unknown tickets subcommand '\(verb)' (expected list, show, confirm, accept-costs, log-time or close)")
        }
    }

    private static func list(_ arguments: inout Arguments) throws -> Int32 {
        let json = arguments.flag("--json")
        let status = try arguments.option(
            "--status", as: TicketStatus.self, expected: "one of " + TicketStatus.allCases.map(\.rawValue).joined(separator: ", "))
        let limit = try arguments.option("--limit").map { text in
            guard let limit = Int(text), limit >= 1 else { throw CommandError.usage("--limit must be a whole number of at least 1, not '\(text)'") }
            return limit
        }
        let configuration = try arguments.configuration()
        try arguments.finish()
        let store = try StoreOpener.open(configuration)
        let tickets = try store.tickets(status: status, limit: limit)
        let hours = try store.billableQuarterHours(ticketNumbers: tickets.map(\.number))
        for var ticket in tickets {
            ticket.billableQuarterHours = hours[ticket.number] ?? 0
            let suggestion = try store.suggestionClassification(ticketNumber: ticket.number)
            if json {
                print(try TicketJSON.line(TicketJSON.listed(ticket, suggestion: suggestion)))
            } else {
                print(TicketText.listed(ticket, suggestion: suggestion))
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
        guard var ticket = try store.ticket(number: number) else {
            throw CommandError.failed("no ticket \(number)")
        }
        ticket.billableQuarterHours = try store.billableQuarterHours(ticketNumbers: [number])[number] ?? 0
        let history = try TicketHistory.load(ticket, from: store)
        print(json ? try TicketJSON.line(TicketJSON.detail(history)) : TicketText.render(history))
        return 0
    }
}
