import Foundation
import Tickets

/// `triage stats`: per classifier rule, how often agents confirmed or overrode the suggestion on
/// the tickets it fired on (`RuleFeedback`), to tune rule weights from evidence.
enum TriageCommand: Command {
    static let name = "triage"
    static let summary = "how agents' decisions agree with the classifier's rules"
    static let usage = """
        usage: support-intake triage stats [--json] [--config F]
          Per rule that fired on a ticket's first mail: tickets, confirmed, overridden (to standard /
          to extended), undecided, and the share of overrides among decided tickets. Rules with the
          most overrides come first: candidates for a lower weight (config rules).
        """

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let verb = try arguments.positional("a subcommand (stats)")
        guard verb == "stats" else { throw CommandError.usage("unknown triage subcommand '\(verb)' (expected stats)") }
        let json = arguments.flag("--json")
        let configuration = try arguments.configuration()
        try arguments.finish()
        let store = try StoreOpener.open(configuration)
        let rows = RuleFeedback.rows(try store.ruleDecisions())
        if !json { print(["rule", "tickets", "confirmed", "overridden", "to_standard", "to_extended", "undecided", "override_share"].joined(separator: "\t")) }
        for row in rows {
            if json {
                print(try TicketJSON.line([
                    "rule": row.rule, "tickets": row.fired, "confirmed": row.confirmed, "overridden": row.overridden,
                    "overridden_to_standard": row.overriddenToStandard, "overridden_to_extended": row.overriddenToExtended,
                    "undecided": row.undecided, "override_share": row.overrideShare,
                ]))
            } else {
                print([row.rule, String(row.fired), String(row.confirmed), String(row.overridden), String(row.overriddenToStandard),
                       String(row.overriddenToExtended), String(row.undecided), String(format: "%.2f", row.overrideShare)]
                    .joined(separator: "\t"))
            }
        }
        return 0
    }
}
