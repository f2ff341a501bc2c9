extension HitCollector {
    /// Judges the combination rules in file order, after every pattern rule: each fires when all
    /// of its `all_of` conditions hold, one of its `any_of` (if any) and none of its `none_of`, and
    /// quotes what it combined.
    ///
    /// Before the signal patterns are scanned (`signalsScanned` false) a signal is unknown, and a
    /// combination that depends on one is left undecided: the answer is whether every combination
    /// was decided. Most mails are decided without signals (a question mark rules out a notice),
    /// so their patterns are scanned only for the rest.
    @discardableResult
    mutating func collectCombinations(_ combinations: [RuleCombination], _ features: MessageFeatures, signalsScanned: Bool) -> Bool {
        guard !combinations.isEmpty else { return true }
        let ruleCount = rules.count
        let shapeCount = MessageShape.allCases.count
        // Scratch on the stack (this runs for every mail; an array each would cost more than the judging).
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: ruleCount + shapeCount) { flags in
            // Which rules' hits count, looked up once here rather than searched per condition.
            flags.initialize(repeating: false)
            for (rule, hit) in hits where rule < ruleCount && Self.counts(hit) { flags[rule] = true }
            for shape in MessageShape.allCases { flags[ruleCount + shape.position] = shape.holds(features) }
            let facts = Facts(counting: UnsafeBufferPointer(rebasing: flags[..<ruleCount]),
                              shapes: UnsafeBufferPointer(rebasing: flags[ruleCount...]), signalsScanned: signalsScanned)
            return withUnsafeTemporaryAllocation(of: Bool?.self, capacity: combinations.count) { judged in
                judged.initialize(repeating: false)
                var decided = true
                for position in combinations.indices where combinations[position].rule < ruleCount {
                    let result = Self.judge(combinations[position], UnsafeBufferPointer(judged), facts)
                    judged[position] = result
                    guard let result else {
                        decided = false
                        continue
                    }
                    if result { record(combinations[position], UnsafeBufferPointer(judged), facts) }
                }
                return decided
            }
        }
    }

    /// What the conditions of one mail's combinations are judged by.
    private struct Facts {
        /// By rule index: whether the rule hit and its hit counts.
        var counting: UnsafeBufferPointer<Bool>
        /// By `MessageShape.position`.
        var shapes: UnsafeBufferPointer<Bool>
        var signalsScanned: Bool
    }

    /// Three-valued: false as soon as one condition rules the combination out, nil while an
    /// unknown signal could still decide it.
    private static func judge(_ combination: RuleCombination, _ judged: UnsafeBufferPointer<Bool?>, _ facts: Facts) -> Bool? {
        var unknown = false
        for condition in combination.allOf {
            switch value(condition, judged, facts) {
            case false?: return false
            case nil: unknown = true
            case true?: break
            }
        }
        for condition in combination.noneOf {
            switch value(condition, judged, facts) {
            case true?: return false
            case nil: unknown = true
            case false?: break
            }
        }
        if !combination.anyOf.isEmpty {
            var anyUnknown = false
            var anyTrue = false
            for condition in combination.anyOf where !anyTrue {
                switch value(condition, judged, facts) {
                case true?: anyTrue = true
                case nil: anyUnknown = true
                case false?: break
                }
            }
            if !anyTrue { return anyUnknown ? nil : false }
        }
        return unknown ? nil : true
    }

    private static func value(_ condition: RuleCombination.Condition, _ judged: UnsafeBufferPointer<Bool?>, _ facts: Facts) -> Bool? {
        switch condition {
        case .rule(let index): return index < facts.counting.count && facts.counting[index]
        case .signal(let index): return facts.signalsScanned ? index < facts.counting.count && facts.counting[index] : nil
        case .combination(let position, _): return position < judged.count ? judged[position] : false
        case .shape(let shape): return facts.shapes[shape.position]
        }
    }

    /// Stores a combination's hit, quoting what it combined.
    private mutating func record(_ combination: RuleCombination, _ judged: UnsafeBufferPointer<Bool?>, _ facts: Facts) {
        let rule = rules[combination.rule]
        let alternative = combination.anyOf.first { Self.value($0, judged, facts) == true }
        // "rule: its evidence + shape + no other_rule", appended in place (this runs for every
        // combination that fires).
        var evidence = ""
        for condition in combination.allOf + (alternative.map { [$0] } ?? []) {
            if !evidence.isEmpty { evidence += " + " }
            switch condition {
            case .rule(let index), .signal(let index), .combination(_, let index):
                evidence += rules[index].id
                evidence += ": "
                evidence += hits.first { $0.rule == index }?.hit.evidence ?? ""
            case .shape(let shape):
                evidence += shape.rawValue
            }
        }
        if !combination.absentNote.isEmpty {
            if !evidence.isEmpty { evidence += " + " }
            evidence += combination.absentNote
        }
        store(combination.rule, RuleHit(rule: rule.id, target: rule.target, weight: rule.weight, evidence: evidence, note: nil))
    }

    /// Whether a hit counts for combinations: not cancelled, and scoring unless it is a signal.
    private static func counts(_ hit: RuleHit) -> Bool {
        hit.note == nil && (hit.weight != 0 || hit.target == .signal)
    }
}
