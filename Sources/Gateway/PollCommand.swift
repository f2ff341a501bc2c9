// PLACEHOLDER: replaced by the issue that builds this command.
enum PollCommand: Command {
    static let name = "poll"
    static let summary = "one intake cycle (poll --once)"
    static let usage = "usage: support-intake poll (not built yet)"

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        throw CommandError.failed("'poll' is not built yet")
    }
}
