// PLACEHOLDER: replaced by the issue that builds this command.
enum RunCommand: Command {
    static let name = "run"
    static let summary = "the daemon: IDLE or poll, intake, outbox, until SIGTERM"
    static let usage = "usage: support-intake run (not built yet)"

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        throw CommandError.failed("'run' is not built yet")
    }
}
