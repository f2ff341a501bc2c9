import MailCore
import Tickets
import Triage

/// The one place where the intake gets its classifier, for both the cycle and `quarantine retry`:
/// Triage's rules and FAQ catalogue from the configuration (`rules`, `faq`, defaulting to
/// Config/rules.json and Config/faq.json), mapped into the shape the ticket store keeps.
enum IntakeClassifier {
    static func make(_ configuration: GatewayConfiguration) throws -> IntakeCycle.Classify {
        let classifier = try ClassifyConfiguration.classifier(
            rules: configuration.rules ?? ClassifyCommand.defaultRules, faq: configuration.faq ?? ClassifyCommand.defaultFAQ)
        return { message in storedClassification(classifier.classify(message)) }
    }

    /// Triage's verdict as the store records it: standard and extended become the suggested handling;
    /// the other categories suggest none. Every rule hit is kept as a reason an agent can read.
    static func storedClassification(_ verdict: Triage.Classification) -> Tickets.Classification {
        let category = Tickets.Classification.Category(rawValue: verdict.category.rawValue) ?? .standard
        let handling: Handling? = switch category {
        case .standard: .standard
        case .extended: .extended
        case .followup, .automated, .ignore: nil
        }
        let reasons = verdict.reasons.map { hit in
            ClassificationReason(rule: hit.rule, weight: hit.weight,
                                 evidence: hit.note.map { "\(hit.evidence) (\($0))" } ?? hit.evidence)
        }
        return Tickets.Classification(category: category, suggestedHandling: handling, confidence: verdict.confidence,
                                      needsReview: verdict.needsReview, language: verdict.language, reasons: reasons)
    }
}
