import Foundation
public import Tickets
import Triage

/// The one place where the intake gets its classifier, for both the cycle and
/// `quarantine retry`: the Triage rules and FAQ catalogue named by `rules` and `faq` in the
/// configuration. Without both keys there is none, and tickets carry no handling (nil).
///
/// The mapping: `standard` and `extended` suggest that handling; `automated` and `ignore` are
/// recorded without a ticket; `followup` opens a ticket with no handling until the responder
/// joins follow-ups to their tickets. `needs_review` puts the ticket in `needs-review`.
public enum IntakeClassifier {
    public static func make(_ configuration: GatewayConfiguration) throws -> IntakeCycle.Classify {
        guard let rulesPath = configuration.rules, let faqPath = configuration.faq else { return { _ in nil } }
        let classifier: Classifier
        do {
            let rules = try RuleSet(json: try read(rulesPath, key: "rules", configuration))
            let catalogue = try FAQCatalogue(json: try read(faqPath, key: "faq", configuration))
            classifier = try Classifier(rules: rules, catalogue: catalogue)
        } catch let error as RuleSetError {
            throw ConfigurationError(path: configuration.path, key: "rules", problem: "cannot be used: \(error)")
        }
        return { message in Self.classification(classifier.classify(message)) }
    }

    /// Triage's verdict in the shape the ticket store keeps.
    static func classification(_ verdict: Triage.Classification) -> Tickets.Classification {
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
                // A cancelled hit (negation, attribution) keeps its note, so agents see why it weighs 0.
                ClassificationReason(rule: hit.rule, weight: hit.weight,
                                     evidence: hit.note.map { "\(hit.evidence) (\($0))" } ?? hit.evidence)
            },
            faq: verdict.faq.map { FAQReference(id: $0.id, title: $0.title, url: $0.url) },
            machineEvidence: verdict.reasons.reduce(0) { sum, hit in
                hit.target == .category(.automated) && hit.weight > 0 ? sum + hit.weight : sum
            })
    }

    private static func read(_ path: String, key: String, _ configuration: GatewayConfiguration) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(path: configuration.path, key: key, problem: "cannot read \(path)")
        }
        return data
    }
}
