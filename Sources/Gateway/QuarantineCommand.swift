// PLACEHOLDER: replaced by the issue that builds this command.
enum QuarantineCommand: Command {
    static let name = "quarantine"
    static let summary = "list, retry or discard quarantined messages"
    static let usage = "usage: support-intake quarantine (not built yet)"

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        throw CommandError.failed("'quarantine' is not built yet")
    }
}
