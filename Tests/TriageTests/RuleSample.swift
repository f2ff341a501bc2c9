import MailCore

/// A minimal mail for a rule test: only the part the rule looks at is set.
struct RuleSample: Sendable, CustomStringConvertible {
    var subject = "Anfrage"
    var body = "Hallo"
    var headers: [(String, String)] = []
    var from = "kunde@example.org"
    var contentType = "text/plain"
    var partContentTypes: [String] = []

    static func body(_ text: String) -> RuleSample { RuleSample(body: text) }
    static func subject(_ text: String) -> RuleSample { RuleSample(subject: text) }
    static func header(_ name: String, _ value: String) -> RuleSample { RuleSample(headers: [(name, value)]) }
    static func from(_ address: String) -> RuleSample { RuleSample(from: address) }
    static func parts(_ top: String, _ parts: [String]) -> RuleSample { RuleSample(contentType: top, partContentTypes: parts) }

    var message: ParsedMessage {
        TriageFixtures.message(subject: subject, body: body, from: from, headers: headers, contentType: contentType,
                               partContentTypes: partContentTypes)
    }

    var description: String {
        if let header = headers.first { return "\(header.0): \(header.1)" }
        if subject != "Anfrage" { return "subject \(subject)" }
        if from != "kunde@example.org" { return "from \(from)" }
        if contentType != "text/plain" { return contentType }
        return String(body.prefix(60))
    }
}
