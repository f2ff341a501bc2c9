/// An error that ends a command with a message on stderr and a contract exit code.
struct CommandError: Error {
    var message: String
    var exitCode: Int32

    /// Bad usage or configuration: exit 2.
    static func usage(_ message: String) -> CommandError { CommandError(message: message, exitCode: 2) }
    /// The operation itself failed: exit 1.
    static func failed(_ message: String) -> CommandError { CommandError(message: message, exitCode: 1) }
}
