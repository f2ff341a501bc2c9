import Foundation

/// The repository's rules file with one more rule whose phrase the classifier refuses (a phrase may
/// not start with a gap), written into a folder, and a gateway configuration that uses it.
struct UnusableRules {
    /// What the error names.
    static let ruleID = "starts_with_gap"
    static let problem = "'..' cannot start a pattern"
    let path: String

    init(in folder: URL) throws {
        let root = IntakeCommandRunner.repositoryRoot.appendingPathComponent("Config")
        let rules = try String(contentsOf: root.appendingPathComponent("rules.json"), encoding: .utf8)
        let broken = #"{"id": "\#(Self.ruleID)", "description": "refused on load", "category": "standard", "#
            + #""weight": 1.0, "field": "body", "phrases": [".. kaputt"]}, "#
        guard let list = rules.range(of: #""rules": ["#) else { throw CocoaError(.fileReadCorruptFile) }
        path = folder.appendingPathComponent("rules.json").path
        try rules.replacingCharacters(in: list, with: #""rules": ["# + broken)
            .write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// `json` (a gateway configuration object) with `rules` set to this file and `faq` to the repository's.
    func configuration(_ json: String) -> String {
        let faq = IntakeCommandRunner.repositoryRoot.appendingPathComponent("Config/faq.json").path
        guard let end = json.lastIndex(of: "}") else { return json }
        return json[..<end] + #", "rules": "\#(path)", "faq": "\#(faq)"}"#
    }
}
