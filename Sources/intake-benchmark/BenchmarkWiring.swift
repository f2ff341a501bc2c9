import Foundation
import Gateway
import Replies
import Tickets
import Triage

/// The classifier and the responder exactly as `support-intake` wires them (Gateway's
/// `IntakeClassifier` and `ReplySetup` over a configuration naming Config/ and Templates/), so the
/// in-process stages do the same work per mail as `poll --once`. Paths are relative to the
/// repository root, where the benchmark runs.
enum BenchmarkWiring {
    static let supportAddress = "support@example-hosting.de"
    static let quarterHourRateCents = 2500

    /// A gateway configuration with classification and replies on (the servers are not contacted).
    static func configuration() throws -> GatewayConfiguration {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("intake-benchmark-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try """
            {"imap": {"url": "imap://127.0.0.1:1/INBOX", "username": "benchmark", "password": "unused", "allowInsecure": true},
             "smtp": {"url": "smtp://127.0.0.1:1", "allowInsecure": true},
             "support": {"address": "\(supportAddress)", "name": "Example Hosting Support"},
             "database": "unused.sqlite", "templates": "Templates", "faq": "Config/faq.json", "rules": "Config/rules.json",
             "billing": {"currency": "EUR", "quarterHourRateCents": \(quarterHourRateCents)}}
            """.write(toFile: path, atomically: false, encoding: .utf8)
        return try GatewayConfiguration.load(path: path, environment: [:])
    }

    /// The Triage classifier alone (the parse+classify stage measures it without the store's mapping).
    static func classifier() throws -> Classifier {
        try Classifier(rules: try RuleSet(json: try read("Config/rules.json")),
                       catalogue: try FAQCatalogue(json: try read("Config/faq.json")))
    }

    static func classify() throws -> IntakeCycle.Classify {
        try IntakeClassifier.make(try configuration())
    }

    static func planner() throws -> ReplyPlanner {
        guard let setup = try ReplySetup.load(try configuration()) else { throw BenchmarkError("replies are off") }
        return setup.planner
    }

    private static func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BenchmarkError("cannot read \(path): run the benchmark from the repository root")
        }
        return data
    }
}
