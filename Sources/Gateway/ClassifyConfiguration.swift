import Foundation
import Triage

/// Loads the classifier's rules and FAQ catalogue from files; every problem is a usage or
/// configuration error (exit 2) that names the file and, inside it, the rule or article.
enum ClassifyConfiguration {
    static func classifier(rules rulesPath: String, faq faqPath: String) throws -> Classifier {
        let rules: RuleSet
        let catalogue: FAQCatalogue
        do {
            rules = try RuleSet(json: try read(rulesPath, what: "rules"))
        } catch let error as RuleSetError {
            throw CommandError.usage("invalid rules file '\(rulesPath)': \(error)")
        }
        do {
            catalogue = try FAQCatalogue(json: try read(faqPath, what: "FAQ catalogue"))
        } catch let error as RuleSetError {
            throw CommandError.usage("invalid FAQ file '\(faqPath)': \(error)")
        }
        do {
            return try Classifier(rules: rules, catalogue: catalogue)
        } catch {
            throw CommandError.usage("rules '\(rulesPath)' do not fit FAQ '\(faqPath)': \(error)")
        }
    }

    /// The `rules` and `faq` entries of a gateway configuration file (defaults when absent).
    static func paths(fromConfig path: String) throws -> (rules: String, faq: String) {
        let data = try read(path, what: "configuration")
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw CommandError.usage("configuration '\(path)' is not a JSON object")
        }
        return (object["rules"] as? String ?? ClassifyCommand.defaultRules, object["faq"] as? String ?? ClassifyCommand.defaultFAQ)
    }

    private static func read(_ path: String, what: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError.usage("cannot read \(what) file '\(path)'")
        }
        return data
    }
}
