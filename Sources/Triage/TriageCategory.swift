/// The five outcomes of classification-policy.md, in the order they are decided.
public enum TriageCategory: String, Sendable, CaseIterable, Codable {
    case automated
    case ignore
    case followup
    case standard
    case extended

    /// Hashes the case rather than its name (what a `RawRepresentable` would hash): categories key
    /// the scores of every mail.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .automated: hasher.combine(0)
        case .ignore: hasher.combine(1)
        case .followup: hasher.combine(2)
        case .standard: hasher.combine(3)
        case .extended: hasher.combine(4)
        }
    }
}

/// What a rule's hits count towards: one of the categories, a modifier that cancels other hits
/// ("ich habe NICHT an iptables gedreht"; "seit Ihrer Wartung" moves the blame to the provider), or
/// a signal that scores nothing alone and only feeds combination rules ("talks about dates").
public enum RuleTarget: Sendable, Hashable {
    case category(TriageCategory)
    case negation
    case attribution
    case signal

    init?(name: String) {
        switch name {
        case "negation": self = .negation
        case "attribution": self = .attribution
        case "signal": self = .signal
        default:
            guard let category = TriageCategory(rawValue: name) else { return nil }
            self = .category(category)
        }
    }

    static let names = TriageCategory.allCases.map(\.rawValue) + ["negation", "attribution", "signal"]
}
