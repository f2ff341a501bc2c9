extension HitCollector {
    /// Judges the combination rules in file order, after every pattern rule: each fires when all
    /// of its `all_of` conditions hold, one of its `any_of` (if any) and none of its `none_of`, and
    /// quotes what it combined.
    mutating func collectCombinations(_ combinations: [RuleCombination], _ features: MessageFeatures) {
        guard !combinations.isEmpty else { return }
        // Each shape is looked at once per mail, and only if a combination asks.
        var shapes: [MessageShape: Bool] = [:]
        func holds(_ condition: RuleCombination.Condition) -> Bool {
            switch condition {
            case .rule(let index): return fired(index) != nil
            case .shape(let shape):
                if let known = shapes[shape] { return known }
                let value = shape.holds(features)
                shapes[shape] = value
                return value
            }
        }
        for combination in combinations where combination.rule < rules.count {
            guard combination.allOf.allSatisfy(holds), !combination.noneOf.contains(where: holds) else { continue }
            let alternative = combination.anyOf.first(where: holds)
            guard combination.anyOf.isEmpty || alternative != nil else { continue }
            let rule = rules[combination.rule]
            let parts = (combination.allOf + (alternative.map { [$0] } ?? [])).map { condition -> String in
                switch condition {
                case .rule(let index): return "\(rules[index].id): \(fired(index)?.evidence ?? "")"
                case .shape(let shape): return shape.rawValue
                }
            }
            let missing = combination.noneOf.map { condition -> String in
                switch condition {
                case .rule(let index): return "no \(rules[index].id)"
                case .shape(let shape): return "no \(shape.rawValue)"
                }
            }
            store(combination.rule, RuleHit(rule: rule.id, target: rule.target, weight: rule.weight,
                                            evidence: (parts + missing).joined(separator: " + "), note: nil))
        }
    }

    /// The hit of rule `index` if it counts: not cancelled, and scoring unless it is a signal.
    private func fired(_ index: Int) -> RuleHit? {
        guard let hit = hits.first(where: { $0.rule == index })?.hit, hit.note == nil else { return nil }
        return hit.weight != 0 || hit.target == .signal ? hit : nil
    }
}
