/// Learning from agents (a first step): per classifier rule, how often agents confirmed or
/// overrode the suggestion on the tickets whose first mail it fired on. A rule that fires often on
/// overridden tickets is a candidate for a lower weight; the direction of the overrides says which way.
public enum RuleFeedback {
    /// One ticket: the rules that fired on the mail its suggestion came from, and what the agent decided.
    public struct Decision: Sendable, Hashable {
        public var rules: Set<String>
        public var suggested: Handling?
        /// nil while no agent has decided.
        public var confirmed: Handling?

        public init(rules: Set<String>, suggested: Handling?, confirmed: Handling?) {
            self.rules = rules
            self.suggested = suggested
            self.confirmed = confirmed
        }
    }

    public struct Row: Sendable, Hashable {
        public var rule: String
        /// Tickets the rule fired on.
        public var fired = 0
        public var confirmed = 0
        public var overridden = 0
        /// Overrides by where they went.
        public var overriddenToStandard = 0
        public var overriddenToExtended = 0
        /// Tickets no agent has decided yet.
        public var undecided = 0

        /// Overrides among decided tickets (0 when none is decided).
        public var overrideShare: Double {
            confirmed + overridden == 0 ? 0 : Double(overridden) / Double(confirmed + overridden)
        }
    }

    /// Rows sorted so that the rules to look at come first: most overrides, then the highest share
    /// of overrides, then the most fired; ties by name.
    public static func rows(_ decisions: [Decision]) -> [Row] {
        var rows: [String: Row] = [:]
        for decision in decisions {
            for rule in decision.rules {
                var row = rows[rule] ?? Row(rule: rule)
                row.fired += 1
                switch decision.confirmed {
                case nil: row.undecided += 1
                case decision.suggested?: row.confirmed += 1
                case .standard?:
                    row.overridden += 1
                    row.overriddenToStandard += 1
                case .extended?:
                    row.overridden += 1
                    row.overriddenToExtended += 1
                }
                rows[rule] = row
            }
        }
        return rows.values.sorted {
            ($1.overridden, $1.overrideShare, $1.fired, $0.rule) < ($0.overridden, $0.overrideShare, $0.fired, $1.rule)
        }
    }
}
