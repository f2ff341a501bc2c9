// PLACEHOLDER: replaced by the issue that builds this command.
enum TicketsCommand: Command {
    static let name = "tickets"
    static let summary = "list, show and work on tickets"
    static let usage = "usage: support-intake tickets (not built yet)"

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        throw CommandError.failed("'tickets' is not built yet")
    }
}
