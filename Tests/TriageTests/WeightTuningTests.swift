import Foundation
import Testing
@testable import Triage

/// Changing a weight in rules.json changes the score and the outcome, without rebuilding.
@Suite struct WeightTuningTests {
    /// The repository rules with one rule's weight replaced.
    static func rules(setting rule: String, weight: Double) throws -> String {
        let data = Data(try TriageFixtures.text("Config/rules.json").utf8)
        var top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var list = try #require(top["rules"] as? [[String: Any]])
        let index = try #require(list.firstIndex { $0["id"] as? String == rule })
        list[index]["weight"] = weight
        top["rules"] = list
        return String(decoding: try JSONSerialization.data(withJSONObject: top), as: UTF8.self)
    }

    static let themeRequest = TriageFixtures.message(
        subject: "Startseite", body: "Können Sie sich das CSS meiner Startseite anschauen? Die Schrift ist zu klein.")

    @Test func weightChangesScoreAndCategory() throws {
        let original = try TriageFixtures.classifier().classify(Self.themeRequest)
        #expect(original.category == .extended)
        let weaker = try TriageFixtures.classifier(rulesJSON: Self.rules(setting: "own_site_design", weight: 0.5)).classify(Self.themeRequest)
        #expect(weaker.scores[.extended, default: 0] < original.scores[.extended, default: 0])
        #expect(weaker.category == .standard)
        #expect(weaker.reasons.first { $0.rule == "own_site_design" }?.weight == 0.5)
    }

    @Test func negativeWeightCountsAgainstACategory() throws {
        let autoReply = TriageFixtures.message(subject: "Automatische Antwort: Frage", body: "Danke für Ihre Nachricht.")
        #expect(try TriageFixtures.classifier().classify(autoReply).category == .automated)
        let tuned = try TriageFixtures.classifier(rulesJSON: Self.rules(setting: "out_of_office_subject", weight: -1))
        #expect(tuned.classify(autoReply).category != .automated)
    }
}
