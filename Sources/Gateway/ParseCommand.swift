import Foundation
import MailCore

/// `support-intake parse FILE... [--json | --stats]`: parses messages and prints their fields
/// (contracts/parse-json.md). A file that cannot be read is reported on stderr and the others are
/// still parsed; the exit status is then 1.
enum ParseCommand: Command {
    static let name = "parse"
    static let summary = "parse messages (RFC 5322/MIME) and print their fields"
    static let usage = """
        usage: support-intake parse FILE... [--json | --stats]

        Parses each FILE (one raw RFC 5322 / MIME message) and prints, in input order:
          (default)  a readable summary: subject, from, date, body excerpt, attachments, defects
          --json     one JSON object per file (JSON Lines), keys as in contracts/parse-json.md
          --stats    only totals: messages, bytes, defects by kind, messages with defects
                     (every message is still parsed and decoded completely)
        A file that cannot be read is reported on stderr; the others are still parsed (exit 1).
        """

    private enum Output { case summary, json, stats }

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let json = arguments.flag("--json")
        let stats = arguments.flag("--stats")
        let files = arguments.positionals()
        try arguments.finish()
        if json && stats { throw CommandError.usage("use either --json or --stats, not both") }
        guard !files.isEmpty else { throw CommandError.usage("missing FILE. \(usage)") }
        let output: Output = json ? .json : (stats ? .stats : .summary)

        var totals = ParseTotals()
        var failed = false
        let started = ContinuousClock.now
        for file in files {
            let bytes: [UInt8]
            do {
                bytes = try MessageFile.read(file)
            } catch {
                Console.error("\(error)")
                failed = true
                continue
            }
            let parseStart = ContinuousClock.now
            let message = MessageParser.parse(bytes)
            totals.parseTime += ContinuousClock.now - parseStart
            switch output {
            case .json: print(ParseJSON.line(for: message, file: file))
            case .summary: print(ParseSummary.text(for: message, file: file))
            case .stats: totals.add(message, bytes: bytes.count)
            }
        }
        if output == .stats { print(totals.report(total: ContinuousClock.now - started)) }
        return failed ? 1 : 0
    }
}
