import Foundation
import MailCore
@testable import Triage

/// Shared test inputs: the repository's own rules and FAQ catalogue, and small messages.
enum TriageFixtures {
    /// The repository root, found from this file's location (Tests/TriageTests/…).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// The repository's classifier, loaded once for all tests that do not change the rules.
    static let shared: Result<Classifier, any Error> = Result { try classifier(rulesJSON: nil) }

    static func classifier() throws -> Classifier { try shared.get() }

    static func classifier(rulesJSON: String?) throws -> Classifier {
        let rules = try RuleSet(json: rulesJSON ?? text("Config/rules.json"))
        let catalogue = try FAQCatalogue(json: text("Config/faq.json"))
        return try Classifier(rules: rules, catalogue: catalogue)
    }

    /// A plain text message as the parser would deliver it.
    static func message(subject: String = "Anfrage", body: String, from: String = "kunde@example.org",
                        headers: [(String, String)] = [], contentType: String = "text/plain",
                        partContentTypes: [String] = []) -> ParsedMessage {
        var fields = [HeaderField(name: "From", value: from), HeaderField(name: "Subject", value: subject)]
        fields += headers.map { HeaderField(name: $0.0, value: $0.1) }
        return ParsedMessage(headers: fields, subject: subject, from: [Mailbox(name: "", address: from)], textBody: body,
                             autoSubmitted: headers.first { $0.0 == "Auto-Submitted" }?.1,
                             precedence: headers.first { $0.0 == "Precedence" }?.1,
                             contentType: contentType, partContentTypes: partContentTypes)
    }
}
