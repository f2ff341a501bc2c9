/// Why an agent's command was refused; nothing was changed. The text names the ticket and what to do.
public enum WorkflowRefusal: Error, Hashable, CustomStringConvertible {
    case unknownTicket(String)
    case alreadyConfirmed(ticket: String, by: String, handling: Handling?)
    case closed(ticket: String)
    case noHandling(ticket: String)
    case notExtended(ticket: String, handling: Handling?)
    case alreadyAccepted(ticket: String)
    case costsNotAccepted(ticket: String)
    case forceNeedsNote(ticket: String)

    public var description: String {
        switch self {
        case .unknownTicket(let number):
            "no ticket \(number)"
        case .alreadyConfirmed(let number, let by, let handling):
            "ticket \(number) is already confirmed as \(handling?.rawValue ?? "-") by \(by); nothing changed"
        case .closed(let number):
            "ticket \(number) is closed; nothing changed"
        case .noHandling(let number):
            "ticket \(number) has no suggested handling: say --as standard or --as extended"
        case .notExtended(let number, let handling):
            "ticket \(number) is \(handling?.rawValue ?? "not yet decided"), not extended: there are no costs to accept"
        case .alreadyAccepted(let number):
            "the customer already accepted the costs of ticket \(number); nothing changed"
        case .costsNotAccepted(let number):
            "ticket \(number) is extended support and the customer has not accepted the costs: "
                + "record the acceptance first (tickets accept-costs), or use --force with a --note saying why"
        case .forceNeedsNote(let number):
            "--force on ticket \(number) needs a --note saying why work starts without the customer's acceptance"
        }
    }
}
