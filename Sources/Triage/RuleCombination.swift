/// A combination rule of rules.json with its `all_of`/`any_of`/`none_of` references resolved: rule ids to
/// rule indices, "shape:…" names to `MessageShape`s. Checked on load, so a typo names the rule.
struct RuleCombination: Sendable {
    enum Condition: Sendable {
        /// A pattern rule, by rule index.
        case rule(Int)
        /// A signal rule, by rule index: unknown until the signal patterns are scanned.
        case signal(Int)
        /// An earlier combination, by its position among the combinations (judged before it) and
        /// its rule index.
        case combination(Int, rule: Int)
        case shape(MessageShape)
    }

    /// The combination rule's index.
    let rule: Int
    let allOf: [Condition]
    /// Empty, or at least one must hold.
    let anyOf: [Condition]
    let noneOf: [Condition]
    /// What the explanation says about `noneOf` ("no sig_person_asks + no shape question"): fixed,
    /// since a combination fires only when none of them holds, so it is written once on load.
    let absentNote: String

    /// The combination rules in file order. A combination may refer to any pattern rule and to
    /// combinations before it (they are judged in file order, after every pattern rule).
    static func resolve(_ rules: [Rule]) throws(RuleSetError) -> [RuleCombination] {
        var indexOf: [String: Int] = [:]
        for (index, rule) in rules.enumerated() { indexOf[rule.id] = index }
        var combinations: [RuleCombination] = []
        var positionOf: [Int: Int] = [:]
        for (index, rule) in rules.enumerated() where rule.isCombination {
            positionOf[index] = positionOf.count
        }
        for (index, rule) in rules.enumerated() where rule.isCombination {
            func condition(_ reference: String) throws(RuleSetError) -> Condition {
                if reference.hasPrefix(MessageShape.prefix) {
                    guard let shape = MessageShape(reference: reference) else {
                        throw RuleSetError(location: "rule '\(rule.id)'", problem: "unknown shape '\(reference)' (known: "
                                           + MessageShape.allCases.map { MessageShape.prefix + $0.rawValue }.joined(separator: ", ") + ")")
                    }
                    return .shape(shape)
                }
                guard let target = indexOf[reference], target != index else {
                    throw RuleSetError(location: "rule '\(rule.id)'", problem: "refers to '\(reference)', which is no other rule")
                }
                if rules[target].isCombination, target > index {
                    throw RuleSetError(location: "rule '\(rule.id)'", problem: "refers to the later combination '\(reference)' (combinations are judged in file order)")
                }
                if let position = positionOf[target] { return .combination(position, rule: target) }
                return rules[target].target == .signal ? .signal(target) : .rule(target)
            }
            var allOf: [Condition] = []
            for reference in rule.allOf { allOf.append(try condition(reference)) }
            var anyOf: [Condition] = []
            for reference in rule.anyOf { anyOf.append(try condition(reference)) }
            var noneOf: [Condition] = []
            for reference in rule.noneOf { noneOf.append(try condition(reference)) }
            let absentNote = noneOf.map { condition -> String in
                switch condition {
                case .rule(let target), .signal(let target), .combination(_, let target): return "no \(rules[target].id)"
                case .shape(let shape): return "no \(shape.rawValue)"
                }
            }.joined(separator: " + ")
            combinations.append(RuleCombination(rule: index, allOf: allOf, anyOf: anyOf, noneOf: noneOf, absentNote: absentNote))
        }
        return combinations
    }
}
