import Testing
@testable import Triage

/// Signals and combination rules: evidence of different kinds that decides together, and
/// explains itself through what it combined.
@Suite struct CombinationRuleTests {
    static let rules = #"""
    {"rules": [
      {"id": "away", "description": "d", "category": "signal", "field": "body", "phrases": ["bin .. urlaub"]},
      {"id": "when", "description": "d", "category": "signal", "field": "body", "phrases": ["bis <day>"]},
      {"id": "asks", "description": "d", "category": "automated", "weight": -1, "field": "body", "phrases": ["bitte pruefen"]},
      {"id": "notice", "description": "d", "category": "automated", "weight": 2.5, "all_of": ["away"], "any_of": ["when"], "none_of": ["shape:question", "asks"]}
    ]}
    """#

    static func classify(_ body: String, subject: String = "Anfrage") throws -> Classification {
        try TriageFixtures.classifier(rulesJSON: rules).classify(TriageFixtures.message(subject: subject, body: body))
    }

    @Test func combinationQuotesTheSignalsItCombined() throws {
        let result = try Self.classify("Ich bin bis 12. Mai im Urlaub.")
        #expect(result.category == .automated)
        let hit = try #require(result.reasons.first { $0.rule == "notice" })
        #expect(hit.evidence.contains("away: bin bis 12. Mai im Urlaub") && hit.evidence.contains("no question"))
        #expect(!result.reasons.contains { $0.rule == "away" || $0.rule == "when" }, "signals score nothing and are not listed alone")
    }

    @Test func aQuestionOrARequestVoidsTheCombination() throws {
        #expect(try Self.classify("Ich bin bis 12. Mai im Urlaub. Geht das vorher?").category != .automated)
        #expect(try Self.classify("Ich bin bis 12. Mai im Urlaub, bitte prüfen Sie das vorher.").category != .automated)
    }

    @Test func everyAllOfAndOneAnyOfAreNeeded() throws {
        #expect(try Self.classify("Ich bin im Urlaub.").reasons.isEmpty)
        #expect(try Self.classify("Das läuft bis 12. Mai.").reasons.isEmpty)
    }

    @Test(arguments: [("Geht das?", true), ("Geht das?\n", true), ("Siehe https://example.org/index.php?id=4 bitte.", false),
                      ("Kein Fragezeichen.", false), ("Läuft das? (dringend)", true)])
    func questionShape(_ text: String, _ asks: Bool) {
        #expect(MessageShape.asksQuestion(Array(text.utf8)) == asks)
    }
}
