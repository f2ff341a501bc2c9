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
    func acceptCosts(_ acceptance: AgentCostAcceptance) throws -> Ticket
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
    /// Per billable ticket with time in `month`: the minutes worked in it and the minutes before it.
    func billingWork(month: BillingMonth) throws -> [BillingWork]
    /// Every ticket with a suggestion: the rules that fired on its first mail and the agent's decision.
    func ruleDecisions() throws -> [RuleFeedback.Decision]
}

/// An agent's `tickets confirm`.
public struct HandlingDecision: Sendable, Hashable {
    public var ticketNumber: String
    /// nil: keep the suggested handling.
    public var handling: Handling?
    public var agent: String
    public var note: String?
    public var at: Date

    public init(ticketNumber: String, handling: Handling?, agent: String, note: String?, at: Date) {
        self.ticketNumber = ticketNumber
        self.handling = handling
        self.agent = agent
        self.note = note
        self.at = at
    }
}

/// What `AgentDesk.confirm` did.
public struct ConfirmationOutcome: Sendable, Hashable {
    public var ticket: Ticket
    public var confirmation: TicketWorkflow.Confirmation
    /// The queued notice, nil when none was due or replies are off (see `noticeSkipped`).
    public var queued: OutboxMessage?
    /// Why a due notice was not queued.
    public var noticeSkipped: String?

    public init(ticket: Ticket, confirmation: TicketWorkflow.Confirmation, queued: OutboxMessage?, noticeSkipped: String?) {
        self.ticket = ticket
        self.confirmation = confirmation
        self.queued = queued
        self.noticeSkipped = noticeSkipped
    }
}

/// What a store hands to the composer of an agent's notice: the ticket after the decision and the
/// thread to answer in.
public struct NoticeRequest: Sendable, Hashable {
    public var notice: CustomerNotice
    public var ticket: Ticket
    /// The ticket's language (from its classification), nil when unknown.
    public var language: String?
    public var recipientName: String
    /// The Message-ID of the customer's latest mail on the ticket, and its references.
    public var inReplyTo: String?
    public var references: [String]
    /// Unique per decision, so that the notice's Message-ID is too.
    public var key: String
    public var at: Date

    public init(notice: CustomerNotice, ticket: Ticket, language: String?, recipientName: String, inReplyTo: String?,
                references: [String], key: String, at: Date) {
        self.notice = notice
        self.ticket = ticket
        self.language = language
        self.recipientName = recipientName
        self.inReplyTo = inReplyTo
        self.references = references
        self.key = key
        self.at = at
    }
}
