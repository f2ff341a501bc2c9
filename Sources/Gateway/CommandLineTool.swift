import Foundation

/// The `support-intake` command line: dispatches to one `Command` per verb (see contracts/cli.md).
/// Exit codes: 0 success, 1 the operation failed, 2 bad usage or configuration.
public enum CommandLineTool {
    static let commands: [any Command.Type] = [
        ParseCommand.self,
        ClassifyCommand.self,
        PollCommand.self,
        RunCommand.self,
        TicketsCommand.self,
        QuarantineCommand.self,
        OutboxCommand.self,
        BillingCommand.self,
        TriageCommand.self,
    ]

    public static func exitAfterRunning(_ argv: [String]) -> Never {
        let status = run(Array(argv.dropFirst()))
        fflush(nil)
        exit(status)
    }

    /// Runs one command line (without the program name) and returns the exit status.
    public static func run(_ arguments: [String]) -> Int32 {
        guard let verb = arguments.first, verb != "--help", verb != "-h", verb != "help" else {
            print(overview)
            return arguments.isEmpty ? 2 : 0
        }
        guard let command = commands.first(where: { $0.name == verb }) else {
            Console.error("unknown command '\(verb)'. Run 'support-intake --help' for the list.")
            return 2
        }
        var rest = Arguments(Array(arguments.dropFirst()))
        if rest.flag("--help") || rest.flag("-h") {
            print(command.usage)
            return 0
        }
        do {
            return try command.run(&rest)
        } catch let error as CommandError {
            Console.error(error.message)
            return error.exitCode
        } catch {
            Console.error("\(error)")
            return 1
        }
    }

    static var overview: String {
        var lines = ["support-intake: email-driven support intake gateway", "", "Commands:"]
        for command in commands {
            lines.append("  " + command.name.padding(toLength: 12, withPad: " ", startingAt: 0) + command.summary)
        }
        lines.append("")
        lines.append("Run 'support-intake COMMAND --help' for a command's options.")
        return lines.joined(separator: "\n")
    }
}

/// One verb of the command line.
protocol Command: Sendable {
    static var name: String { get }
    static var summary: String { get }
    static var usage: String { get }
    /// Runs the command; returns the exit status or throws a `CommandError`.
    static func run(_ arguments: inout Arguments) throws -> Int32
}
