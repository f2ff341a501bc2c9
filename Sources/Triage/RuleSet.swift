public import Foundation

/// The validated rules of `Config/rules.json` (the classifier compiles their word patterns).
///
/// The pure target never reads files: the caller passes the file's bytes.
public struct RuleSet: Sendable {
    public let rules: [Rule]
    public let thresholds: Thresholds
    /// The combination rules, their conditions resolved and checked.
    let combinations: [RuleCombination]

    /// Decodes and validates rules; a problem is reported with the rule it is in.
    public init(json: Data) throws(RuleSetError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: json)
        } catch {
            throw RuleSetError(location: "rules file", problem: "not valid JSON (\(error.localizedDescription))")
        }
        guard let top = object as? [String: Any] else {
            throw RuleSetError(location: "rules file", problem: "the top level must be an object with 'rules'")
        }
        for key in top.keys where !["description", "thresholds", "rules"].contains(key) {
            throw RuleSetError(location: "rules file", problem: "unknown key '\(key)'")
        }
        guard let list = top["rules"] as? [Any] else {
            throw RuleSetError(location: "rules file", problem: "'rules' must be a list of rule objects")
        }
        thresholds = try Thresholds(json: top["thresholds"] as? [String: Any] ?? [:])
        var rules: [Rule] = []
        var seen: Set<String> = []
        for (position, entry) in list.enumerated() {
            let rule = try Rule.decode(entry, position: position + 1)
            guard seen.insert(rule.id).inserted else {
                throw RuleSetError(location: "rule '\(rule.id)'", problem: "duplicate id")
            }
            rules.append(rule)
        }
        self.rules = rules
        combinations = try RuleCombination.resolve(rules)
    }

    public init(json: String) throws(RuleSetError) {
        try self.init(json: Data(json.utf8))
    }

    /// The rule with this id, if any.
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
}
