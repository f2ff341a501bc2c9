import Foundation
import Replies
import Tickets
import Triage

/// The classifier and the responder as `support-intake` wires them from Config/ and Templates/
/// (Gateway's IntakeClassifier and ReplySetup are internal to the executable's library), so the
/// in-process stages do the same work per mail as `poll --once`. Paths are relative to the
/// repository root, where the benchmark runs.
enum BenchmarkWiring {
    static let supportAddress = "support@example-hosting.de"
    static let quarterHourRateCents = 2500
    /// The FAQ article on extended support, linked from the cost notice (as in ReplySetup).
    static let extendedSupportArticle = 1792

    static func classifier() throws -> Classifier {
        try Classifier(rules: try RuleSet(json: try read("Config/rules.json")),
                       catalogue: try FAQCatalogue(json: try read("Config/faq.json")))
    }

    /// The intake's classify step: Triage's verdict in the store's shape (IntakeClassifier's mapping).
    static func classify() throws -> IntakeCycle.Classify {
        let classifier = try classifier()
        return { message in
            let verdict = classifier.classify(message)
            let category = Tickets.Classification.Category(rawValue: verdict.category.rawValue) ?? .standard
            let handling: Handling? = switch category {
            case .standard: .standard
            case .extended: .extended
            case .followup, .automated, .ignore: nil
            }
            return Tickets.Classification(
                category: category, suggestedHandling: handling, confidence: verdict.confidence,
                needsReview: verdict.needsReview, language: verdict.language,
                reasons: verdict.reasons.map { hit in
                    ClassificationReason(rule: hit.rule, weight: hit.weight,
                                         evidence: hit.note.map { "\(hit.evidence) (\($0))" } ?? hit.evidence)
                },
                faq: verdict.faq.map { FAQReference(id: $0.id, title: $0.title, url: $0.url) })
        }
    }

    /// The responder that composes each ticket's reply in its commit.
    static func planner() throws -> ReplyPlanner {
        var sources: [String: String] = [:]
        for language in TemplateCatalog.languages {
            for kind in ReplyKind.allCases {
                if let data = FileManager.default.contents(atPath: "Templates/\(language)/\(kind.rawValue).txt") {
                    sources["\(language)/\(kind.rawValue)"] = String(decoding: data, as: UTF8.self)
                }
            }
        }
        let support = SupportIdentity(address: supportAddress, name: "Example Hosting Support")
        let amount = MoneyAmount(cents: quarterHourRateCents, currency: "EUR")
        guard let article = try FAQCatalogue(json: try read("Config/faq.json")).article(extendedSupportArticle) else {
            throw BenchmarkError("Config/faq.json has no article \(extendedSupportArticle)")
        }
        return ReplyPlanner(
            composer: ReplyComposer(templates: try TemplateCatalog(sources: sources), support: support),
            loopGuard: LoopGuard(support: support),
            rate: Dictionary(uniqueKeysWithValues: TemplateCatalog.languages.map { ($0, amount.formatted(language: $0)) }),
            extendedFAQURL: Dictionary(uniqueKeysWithValues: TemplateCatalog.languages.map { ($0, article.url($0)) }))
    }

    private static func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BenchmarkError("cannot read \(path): run the benchmark from the repository root")
        }
        return data
    }
}
