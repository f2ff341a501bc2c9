/// The part of a message a rule looks at.
public enum RuleField: Sendable, Hashable {
    /// The subject without reply prefixes.
    case subject
    /// The customer's own words (quotes, signature and disclaimer removed).
    case body
    /// Subject and own words together.
    case text
    /// Quoted and forwarded material.
    case quoted
    /// The sender, as `name <address>` in lower case.
    case from
    /// The top-level content type and every part's content type, separated by spaces.
    case contentType
    /// One header field's raw value (case-insensitive name).
    case header(String)

    init?(name: String) {
        switch name {
        case "subject": self = .subject
        case "body": self = .body
        case "text": self = .text
        case "quoted": self = .quoted
        case "from": self = .from
        case "content_type": self = .contentType
        default:
            guard name.hasPrefix("header:"), name.count > "header:".count else { return nil }
            self = .header(String(name.dropFirst("header:".count)))
        }
    }

    /// Whether word patterns (`phrases`) apply; the others take `regex` or `present`.
    var isWordText: Bool {
        switch self {
        case .subject, .body, .text, .quoted: return true
        case .from, .contentType, .header: return false
        }
    }

    static let names = ["subject", "body", "text", "quoted", "from", "content_type", "header:NAME"]
}
