import Foundation

/// Command-line options of parse-benchmark.
struct BenchmarkOptions {
    static let usage = """
        usage: parse-benchmark DIR [--iterations N] [--python PYTHON] [--cli PATH] [--process-runs N]
               parse-benchmark --generate-body-heavy DIR [--messages N] [--megabytes M]
        """
    static let defaultIterations = 20
    static let defaultProcessRuns = 5

    var directory: String?
    var generateDirectory: String?
    var iterations = defaultIterations
    var processRuns = defaultProcessRuns
    var python = "python3"
    /// The support-intake binary; by default the one built beside this benchmark.
    var cli: String?
    var messages = BodyHeavyCorpus.defaultMessages
    var megabytes = BodyHeavyCorpus.defaultMegabytesPerMessage

    init<Arguments: Sequence<String>>(_ arguments: Arguments) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--iterations": iterations = iterator.next().flatMap(Int.init) ?? iterations
            case "--process-runs": processRuns = iterator.next().flatMap(Int.init) ?? processRuns
            case "--python": python = iterator.next() ?? python
            case "--cli": cli = iterator.next()
            case "--generate-body-heavy": generateDirectory = iterator.next()
            case "--messages": messages = iterator.next().flatMap(Int.init) ?? messages
            case "--megabytes": megabytes = iterator.next().flatMap(Int.init) ?? megabytes
            default: directory = argument
            }
        }
    }

    /// The support-intake binary to time as a process.
    var cliPath: String {
        if let cli { return cli }
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return own.deletingLastPathComponent().appendingPathComponent("support-intake").path
    }
}
