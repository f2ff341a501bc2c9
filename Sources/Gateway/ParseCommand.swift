// PLACEHOLDER: replaced by the issue that builds this command.
enum ParseCommand: Command {
    static let name = "parse"
    static let summary = "parse messages (RFC 5322/MIME) and print their fields"
    static let usage = "usage: support-intake parse (not built yet)"

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        throw CommandError.failed("'parse' is not built yet")
    }
}
