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
