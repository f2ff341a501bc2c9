/// When an inbound mail continues an existing ticket (issue 5, architecture "a follow-up joins its
/// ticket"): it answers one of our replies (In-Reply-To/References name a Message-ID from our
/// outbox), or it carries `[Ticket#N]` in the subject *and* comes from that ticket's customer.
/// A number alone from someone else is not enough: anyone can type a ticket number, and a stranger
/// must not be able to add mail (or a cost acceptance) to another customer's ticket.
public enum FollowUpRule {
    /// A ticket the store found for one of the hints.
    public struct Candidate: Sendable, Hashable {
        public var number: String
        public var customer: String

        public init(number: String, customer: String) {
            self.number = number
            self.customer = customer
        }
    }

    public enum Decision: Sendable, Hashable {
        /// Add the mail to this ticket; `reason` goes into the audit trail.
        case join(ticket: String, reason: String)
        /// Open a new ticket; `note` says why a mentioned ticket was not joined.
        case newTicket(note: String?)
    }

    /// `byReference`: the ticket of the newest referenced Message-ID that is ours;
    /// `byNumber`: the ticket named by `[Ticket#N]`, if it exists.
    public static func decide(_ hints: ThreadHints, byReference: Candidate?, byNumber: Candidate?) -> Decision {
        if let byReference {
            return .join(ticket: byReference.number, reason: "answers our reply on ticket \(byReference.number)")
        }
        guard let mentioned = hints.mentionedTicket else { return .newTicket(note: nil) }
        guard let byNumber else {
            return .newTicket(note: "mentions [Ticket#\(mentioned)], which does not exist")
        }
        if hints.senders.contains(byNumber.customer.lowercased()), !byNumber.customer.isEmpty {
            return .join(ticket: byNumber.number, reason: "[Ticket#\(byNumber.number)] from the ticket's customer")
        }
        return .newTicket(note: "mentions [Ticket#\(byNumber.number)], but the sender is not that ticket's customer")
    }
}
