public import Foundation

/// How a request is handled (FAQ policy): `standard` is answered with FAQ links, `extended` is
/// paid work per started quarter hour and needs the customer's cost acceptance.
public enum Handling: String, Sendable, Hashable, Codable, CaseIterable {
    case standard
    case extended
}

/// Where a ticket is in its life. The raw values are the `--status` spellings of the command line.
///
/// Transitions (from → to, on what):
///
/// | from | on | to |
/// |---|---|---|
/// | (intake) | a sure standard suggestion | `new` |
/// | (intake) | unsure, or no handling suggested | `needs-review` |
/// | (intake) | a sure extended suggestion (cost notice queued) | `awaiting-cost-acceptance` |
/// | new, needs-review, awaiting | `confirm` ending standard | `open` |
/// | new, needs-review, awaiting | `confirm` ending extended, costs accepted | `open` |
/// | new, needs-review, awaiting | `confirm` ending extended, not accepted | `awaiting-cost-acceptance` |
/// | new, awaiting | acceptance (customer mail, `accept-costs`) | `open` |
/// | open | refusal by customer mail | `awaiting-cost-acceptance` |
/// | any but closed | `tickets close` | `closed` |
/// | closed | a new customer mail | `needs-review` |
///
/// - `new`: a standard suggestion the classifier was sure of; waits for an agent's `confirm`.
/// - `needs-review`: the classifier was unsure or suggested no handling, or the customer wrote
///   again on a closed ticket; an agent must decide (`confirm --as …`).
/// - `awaiting-cost-acceptance`: extended support; the customer got the cost notice and has not
///   accepted yet. Time may be logged only with `--force` and a note.
/// - `open`: work may proceed: standard confirmed, or extended with the customer's acceptance.
/// - `closed`: done; a further customer mail reopens it into `needs-review`.
///
/// The agent transitions are `TicketWorkflow`; the customer's cost answers are `CostAnswerRule`.
public enum TicketStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case new
    case needsReview = "needs-review"
    case awaitingCostAcceptance = "awaiting-cost-acceptance"
    case open
    case closed
}

/// A support ticket as agents and the command line see it (keys per contracts/cli.md).
public struct Ticket: Sendable, Hashable {
    /// The N in `[Ticket#N]`: decimal digits, never reused (see `TicketNumbering`).
    public var number: String
    public var status: TicketStatus
    /// The customer's address: Reply-To, else From, of the first inbound mail ("" when it had none).
    public var customer: String
    public var subject: String
    /// The classifier's suggestion; nil until a classifier ran.
    public var suggestedHandling: Handling?
    /// The agent-confirmed handling; nil until an agent confirms (see `handling`).
    public var confirmedHandling: Handling?
    public var confirmedBy: String?
    /// nil: never asked or not answered; true: accepted; false: refused.
    public var costAccepted: Bool?
    /// Message-IDs of the inbound mails on the ticket, oldest first.
    public var messageIDs: [String]
    /// Started quarter hours of the ticket's total time (per-ticket rounding, `QuarterHourBilling`);
    /// 0 unless the ticket is extended with accepted costs. Stores that do not bill leave it 0.
    public var billableQuarterHours: Int
    public var createdAt: Date
    /// Remarks the intake made (e.g. "message truncated"), oldest first.
    public var notes: [String]

    public init(
        number: String, status: TicketStatus = .new, customer: String, subject: String,
        suggestedHandling: Handling? = nil, confirmedHandling: Handling? = nil, confirmedBy: String? = nil,
        costAccepted: Bool? = nil, messageIDs: [String] = [], billableQuarterHours: Int = 0,
        createdAt: Date, notes: [String] = []
    ) {
        self.number = number
        self.status = status
        self.customer = customer
        self.subject = subject
        self.suggestedHandling = suggestedHandling
        self.confirmedHandling = confirmedHandling
        self.confirmedBy = confirmedBy
        self.costAccepted = costAccepted
        self.messageIDs = messageIDs
        self.billableQuarterHours = billableQuarterHours
        self.createdAt = createdAt
        self.notes = notes
    }

    /// The handling in force: the confirmed one, else the suggested one (cli.md `handling`).
    public var handling: Handling? { confirmedHandling ?? suggestedHandling }
}
