public import Foundation

/// What agents do with tickets (issue 6): confirm or override the suggested handling, record the
/// customer's cost acceptance, log time, and read what billing and rule tuning need. A protocol of
/// its own beside `TicketStore`, which the intake uses; the SQLite store implements both.
///
/// Implementers must guarantee:
/// - each write is one transaction that applies a `TicketWorkflow` decision: the ticket row, the
///   audit event (agent, time, before/after, note) and any outbox row commit together or not at all;
/// - a refusal (`WorkflowRefusal`) or any error changes nothing;
/// - billing follows `BillingReport`: per-ticket rounding, only extended tickets with accepted costs.
public protocol AgentDesk: AnyObject {
    /// Confirms or overrides the handling of a ticket. When the workflow owes the customer a notice,
    /// `compose` makes it (nil when replies are off) and it is queued in the same transaction.
    func confirm(_ decision: HandlingDecision, compose: (NoticeRequest) -> OutboxMessage?) throws -> ConfirmationOutcome
    /// Records the customer's acceptance of the costs on an extended ticket; returns the ticket after it.
    /// Records the acceptance and, through `compose`, queues the customer's `cost-accepted`
    /// confirmation in the same transaction (nil from `compose`: replies are off).
    func acceptCosts(_ acceptance: AgentCostAcceptance, compose: (NoticeRequest) -> OutboxMessage?) throws -> Ticket
    /// Closes a ticket; returns the ticket after it.
    func close(_ closing: TicketClosing) throws -> Ticket
    /// Records time worked; returns the ticket after it (with its billable quarter hours).
    func logTime(_ entry: TimeEntryRequest) throws -> Ticket

    /// The time entries of a ticket, oldest first.
    func timeEntries(ticketNumber: String) throws -> [TimeEntry]
    /// The recorded answers to the cost question (by mail or by an agent), oldest first.
    func costAcceptances(ticketNumber: String) throws -> [CostAcceptance]
    /// The ticket's events with the data agents' decisions carry (before/after, note), oldest first.
    func auditTrail(ticketNumber: String) throws -> [AuditEntry]
    /// The classification the suggestion came from (the ticket's first), if any.
    func suggestionClassification(ticketNumber: String) throws -> Classification?
    /// Billable quarter hours of these tickets (0 for tickets that are not billable).
    func billableQuarterHours(ticketNumbers: [String]) throws -> [String: Int]
    /// Per billable ticket with time in `month` (its calendar month in `timeZone`): the minutes
    /// worked in it and the minutes before it.
    func billingWork(month: BillingMonth, timeZone: TimeZone) throws -> [BillingWork]
    /// Every ticket with a suggestion: the rules that fired on its first mail and the agent's decision.
    func ruleDecisions() throws -> [RuleFeedback.Decision]
}
