// PLACEHOLDER: replaced by the issue that builds this command.
enum BillingCommand: Command {
    static let name = "billing"
    static let summary = "billable quarter hours per customer and ticket"
    static let usage = "usage: support-intake billing (not built yet)"

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        throw CommandError.failed("'billing' is not built yet")
    }
}
