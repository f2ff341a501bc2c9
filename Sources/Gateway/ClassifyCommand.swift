// PLACEHOLDER: replaced by the issue that builds this command.
enum ClassifyCommand: Command {
    static let name = "classify"
    static let summary = "classify messages without any server or database"
    static let usage = "usage: support-intake classify (not built yet)"

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        throw CommandError.failed("'classify' is not built yet")
    }
}
