import Foundation
import MailCore
import Triage

/// `support-intake classify FILE... [--json]`: classifies message files without any server or
/// database (contracts/cli.md). Rules and FAQ catalogue are read from files so that a provider
/// can tune weights without rebuilding.
enum ClassifyCommand: Command {
    static let name = "classify"
    static let summary = "classify messages without any server or database"
    static let usage = """
        usage: support-intake classify FILE... [--json] [--rules F] [--faq F] [--config F]

          --json       one JSON object per line: file, category, confidence, needs_review, language,
                       faq [{id, title, url}], ticket_number, reasons [{rule, weight, evidence}]
          --rules F    classification rules (default: Config/rules.json)
          --faq F      FAQ catalogue (default: Config/faq.json)
          --config F   take 'rules' and 'faq' from this gateway configuration file instead

        Relative paths resolve against the current directory (run from the repository root, or pass
        absolute paths). Exit status: 0 all files classified, 1 a file could not be read,
        2 bad usage or an invalid rules/FAQ file (the error names the rule).
        """

    static let defaultRules = "Config/rules.json"
    static let defaultFAQ = "Config/faq.json"

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let json = arguments.flag("--json")
        var rulesPath = try arguments.option("--rules")
        var faqPath = try arguments.option("--faq")
        if let config = try arguments.option("--config") {
            let paths = try ClassifyConfiguration.paths(fromConfig: config)
            rulesPath = rulesPath ?? paths.rules
            faqPath = faqPath ?? paths.faq
        }
        let files = arguments.positionals()
        try arguments.finish()
        guard !files.isEmpty else { throw CommandError.usage("classify needs at least one FILE\n\(usage)") }
        let classifier = try ClassifyConfiguration.classifier(rules: rulesPath ?? defaultRules, faq: faqPath ?? defaultFAQ)
        var status: Int32 = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                Console.error("classify: cannot read '\(file)'")
                status = 1
                continue
            }
            let result = classifier.classify(MessageParser.parse([UInt8](data)))
            print(json ? ClassifyReport.jsonLine(file: file, result) : ClassifyReport.text(file: file, result))
        }
        return status
    }
}
