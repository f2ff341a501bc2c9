/// A value a template can refer to: text, a yes/no for conditionals, or a list of records for loops.
public enum TemplateValue: Sendable, Hashable {
    case text(String)
    case flag(Bool)
    case list([[String: String]])

    /// Whether `{{#if}}` takes this value as true: non-empty text, a true flag, a non-empty list.
    var isTruthy: Bool {
        switch self {
        case .text(let text): !text.isEmpty
        case .flag(let flag): flag
        case .list(let items): !items.isEmpty
        }
    }
}
