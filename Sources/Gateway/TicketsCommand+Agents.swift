import Foundation
import Replies
import TicketStoreSQLite
import Tickets

/// `tickets confirm|accept-costs|log-time|close`: the agents' decisions. Input is checked before the
/// store is opened (usage errors, exit 2); a refusal by the workflow changes nothing (exit 1).
extension TicketsCommand {
    static func confirm(_ arguments: inout Arguments) throws -> Int32 {
        let handling = try arguments.option("--as", as: Handling.self, expected: "standard or extended")
        let (agent, note) = try agentAndNote(&arguments)
        let configuration = try arguments.configuration()
        let number = try ticketNumber(&arguments)
        try arguments.finish()
        let notices = try AgentNotices(configuration)
        let store = try StoreOpener.open(configuration)
        let outcome = try refusalsFail {
            try store.confirm(HandlingDecision(ticketNumber: number, handling: handling, agent: agent, note: note,
                                               at: SystemClock().now()), compose: notices.compose)
        }
        let confirmation = outcome.confirmation
        var line = "ticket \(number): \(confirmation.isOverride ? "overridden" : "confirmed") as \(confirmation.confirmed.rawValue)"
            + " (suggested \(confirmation.suggested?.rawValue ?? "none")) by \(agent); status \(confirmation.status.rawValue)"
        if let queued = outcome.queued {
            line += "; \(queued.kind) queued to \(queued.recipient), sent by the next poll"
        } else if let notice = confirmation.notice, let skipped = outcome.noticeSkipped {
            line += "; no \(notice.rawValue) queued: \(skipped)"
        }
        print(line)
        return 0
    }

    static func acceptCosts(_ arguments: inout Arguments) throws -> Int32 {
        let via = try arguments.option("--via", as: AcceptanceChannel.self, expected: "phone or mail")
        let (agent, note) = try agentAndNote(&arguments)
        guard let via else { throw CommandError.usage("--via phone|mail is required (how the customer accepted)") }
        let configuration = try arguments.configuration()
        let number = try ticketNumber(&arguments)
        try arguments.finish()
        let notices = try AgentNotices(configuration)
        let store = try StoreOpener.open(configuration)
        var queued: OutboxMessage?
        let ticket = try refusalsFail {
            try store.acceptCosts(AgentCostAcceptance(ticketNumber: number, via: via, agent: agent, note: note,
                                                      at: SystemClock().now())) { request in
                queued = notices.compose(request)
                return queued
            }
        }
        var line = "ticket \(number): costs accepted via \(via.rawValue), recorded by \(agent); status \(ticket.status.rawValue)"
        if let queued { line += "; \(queued.kind) queued to \(queued.recipient), sent by the next poll" }
        print(line)
        return 0
    }

    static func close(_ arguments: inout Arguments) throws -> Int32 {
        let (agent, note) = try agentAndNote(&arguments)
        let configuration = try arguments.configuration()
        let number = try ticketNumber(&arguments)
        try arguments.finish()
        let store = try StoreOpener.open(configuration)
        _ = try refusalsFail {
            try store.close(TicketClosing(ticketNumber: number, agent: agent, note: note, at: SystemClock().now()))
        }
        print("ticket \(number): closed by \(agent)")
        return 0
    }

    static func logTime(_ arguments: inout Arguments) throws -> Int32 {
        let force = arguments.flag("--force")
        let (agent, note) = try agentAndNote(&arguments)
        let configuration = try arguments.configuration()
        let number = try ticketNumber(&arguments)
        let minutes = try checked { try AgentInput.minutes(try arguments.positional("MINUTES (the time worked)")) }
        try arguments.finish()
        let store = try StoreOpener.open(configuration)
        let ticket = try refusalsFail {
            try store.logTime(TimeEntryRequest(ticketNumber: number, minutes: minutes, agent: agent, note: note, force: force,
                                               at: SystemClock().now()))
        }
        print("ticket \(number): \(minutes) min logged by \(agent); billable quarter hours now \(ticket.billableQuarterHours)"
            + (ticket.isBillable ? "" : " (not billable)"))
        return 0
    }

    private static func agentAndNote(_ arguments: inout Arguments) throws -> (String, String?) {
        let agent = try arguments.option("--agent")
        let note = try arguments.option("--note")
        return try checked { (try AgentInput.agent(agent), try AgentInput.note(note)) }
    }

    private static func ticketNumber(_ arguments: inout Arguments) throws -> String {
        let text = try arguments.positional("a ticket number")
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw CommandError.usage("'\(text)' is not a ticket number")
        }
        return text
    }

    /// Input problems are usage errors (exit 2).
    private static func checked<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let problem as AgentInput.Problem { throw CommandError.usage(problem.description) }
    }

    /// Workflow refusals fail the command (exit 1) with their own words.
    private static func refusalsFail<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let refusal as WorkflowRefusal { throw CommandError.failed(refusal.description) }
    }
}
