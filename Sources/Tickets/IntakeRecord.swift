public import Foundation
public import MailCore
public import Triage

/// Everything the intake commits for one fetched message, in one transaction.
public struct IntakeRecord: Sendable {
    /// What to do with the message.
    public enum Action: Sendable, Hashable {
        /// Open a new ticket, unless the store already holds the same mail (same Message-ID and
        /// content hash): then the message is recorded as a duplicate of that ticket instead.
        case newTicket(NewTicket)
        /// Record it with no ticket, with the reason.
        case ignore(reason: String)
    }

    public var key: LedgerKey
    public var messageID: String?
    public var rawSHA256: String
    public var contentSHA256: String
    /// The bytes kept (at most `maxMessageBytes`).
    public var raw: [UInt8]
    /// The size the server announced (larger than `raw.count` when truncated).
    public var size: Int
    public var action: Action
    public var classification: Classification?
    public var receivedAt: Date
    /// The ticket this mail may continue (see `FollowUpRule`).
    public var thread: ThreadHints
    /// The customer's answer to a cost notice, if the mail gives one (applied only on a follow-up
    /// to an extended ticket, see `CostAnswerRule`).
    public var costAnswer: CostAnswer?
    /// The parsed mail, for the responder (threading, names, loop-protection headers).
    public var parsed: ParsedMessage?

    public init(
        key: LedgerKey, messageID: String?, rawSHA256: String, contentSHA256: String, raw: [UInt8], size: Int,
        action: Action, classification: Classification?, receivedAt: Date, thread: ThreadHints = ThreadHints(),
        costAnswer: CostAnswer? = nil, parsed: ParsedMessage? = nil
    ) {
        self.key = key
        self.messageID = messageID
        self.rawSHA256 = rawSHA256
        self.contentSHA256 = contentSHA256
        self.raw = raw
        self.size = size
        self.action = action
        self.classification = classification
        self.receivedAt = receivedAt
        self.thread = thread
        self.costAnswer = costAnswer
        self.parsed = parsed
    }

    /// Where a reply goes: the Reply-To, else the From address, lower-cased.
    public var replyAddress: String? {
        guard let parsed, let mailbox = parsed.replyTo.first ?? parsed.from.first, !mailbox.address.isEmpty else { return nil }
        return mailbox.address.lowercased()
    }

    public var isTruncated: Bool { size > raw.count }
}

/// The fields of a ticket the intake fills in; the store assigns the number.
public struct NewTicket: Sendable, Hashable {
    public var customer: String
    public var subject: String
    public var suggestedHandling: Handling?
    public var status: TicketStatus
    public var notes: [String]

    public init(customer: String, subject: String, suggestedHandling: Handling?, status: TicketStatus, notes: [String]) {
        self.customer = customer
        self.subject = subject
        self.suggestedHandling = suggestedHandling
        self.status = status
        self.notes = notes
    }
}

/// What `commitIntake` did.
public enum IntakeOutcome: Sendable, Hashable {
    case ticketed(number: String)
    /// The mail continues this existing ticket (see `FollowUpRule`).
    case followUp(ticket: String)
    case duplicate(of: String)
    case ignored(reason: String)
    /// The ledger already had this message settled (another process or an earlier run got there
    /// first); nothing was written.
    case alreadySettled(LedgerEntry)
}
