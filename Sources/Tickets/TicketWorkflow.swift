/// The agent decisions on a ticket as pure transitions: the ticket as it is (plus what the
/// customer was told) in, the new state and the notice the customer is owed out, or a refusal that
/// says why. Stores apply the result in one transaction; nothing here reads a database or a clock.
/// The state machine is documented on `TicketStatus`.
public enum TicketWorkflow {
    /// What a confirmation changes.
    public struct Confirmation: Sendable, Hashable {
        /// The suggested handling the agent saw (nil: the classifier suggested none).
        public var suggested: Handling?
        public var confirmed: Handling
        public var statusBefore: TicketStatus
        public var status: TicketStatus
        /// The notice the customer is owed, if any.
        public var notice: CustomerNotice?

        /// True when the agent chose another handling than the suggested one.
        public var isOverride: Bool { suggested != confirmed }
    }

    /// An agent confirms the suggestion (`requested` nil or equal to it) or overrides it.
    ///
    /// - standard → `open`; extended → `open` when the customer already accepted the costs, else
    ///   `awaiting-cost-acceptance`;
    /// - the cost notice goes out when the ticket ends up extended without acceptance and the
    ///   customer was never sent one (a standard suggestion overridden, or an unsure extended one
    ///   that only got a neutral receipt); `handling-changed` goes out when an extended ticket
    ///   becomes standard or the customer was told about costs that no longer apply.
    public static func confirm(_ ticket: Ticket, as requested: Handling?, costNoticeSent: Bool) throws -> Confirmation {
        if let by = ticket.confirmedBy {
            throw WorkflowRefusal.alreadyConfirmed(ticket: ticket.number, by: by, handling: ticket.confirmedHandling)
        }
        guard ticket.status != .closed else { throw WorkflowRefusal.closed(ticket: ticket.number) }
        guard let confirmed = requested ?? ticket.suggestedHandling else {
            throw WorkflowRefusal.noHandling(ticket: ticket.number)
        }
        let status: TicketStatus
        let notice: CustomerNotice?
        switch confirmed {
        case .standard:
            status = .open
            notice = ticket.suggestedHandling == .extended || costNoticeSent ? .handlingChanged : nil
        case .extended:
            let accepted = ticket.costAccepted == true
            status = accepted ? .open : .awaitingCostAcceptance
            notice = !accepted && !costNoticeSent ? .costNotice : nil
        }
        return Confirmation(suggested: ticket.suggestedHandling, confirmed: confirmed, statusBefore: ticket.status,
                            status: status, notice: notice)
    }

    /// An agent records the customer's acceptance (phone, or a mail the intake did not read as one).
    /// Work may start (`open`) unless the ticket still waits for an agent's review.
    public static func acceptCosts(_ ticket: Ticket) throws -> TicketStatus {
        guard ticket.status != .closed else { throw WorkflowRefusal.closed(ticket: ticket.number) }
        guard ticket.handling == .extended else {
            throw WorkflowRefusal.notExtended(ticket: ticket.number, handling: ticket.handling)
        }
        guard ticket.costAccepted != true else { throw WorkflowRefusal.alreadyAccepted(ticket: ticket.number) }
        return [.new, .awaitingCostAcceptance].contains(ticket.status) ? .open : ticket.status
    }

    /// An agent closes a ticket (done, or nothing to do); a new customer mail reopens it into review.
    public static func close(_ ticket: Ticket) throws -> TicketStatus {
        guard ticket.status != .closed else { throw WorkflowRefusal.closed(ticket: ticket.number) }
        return .closed
    }

    /// Whether time may be logged: on an extended ticket without the customer's acceptance only
    /// when forced with a note that says why. Returns whether the entry is a forced one.
    public static func logTime(on ticket: Ticket, force: Bool, note: String?) throws -> Bool {
        guard ticket.handling == .extended, ticket.costAccepted != true else { return false }
        guard force else { throw WorkflowRefusal.costsNotAccepted(ticket: ticket.number) }
        guard let note, !note.allSatisfy(\.isWhitespace) else {
            throw WorkflowRefusal.forceNeedsNote(ticket: ticket.number)
        }
        return true
    }
}
