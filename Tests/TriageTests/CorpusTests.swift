import Foundation
import MailCore
import Testing
@testable import Triage

/// Runs the labelled corpus (Tests/TriageTests/Corpus: .eml files and labels.json) through the
/// parser and the classifier with the repository's rules. The `tuning` part was used to write the
/// rules. The later parts were each written after the rules and first measured before any rule was
/// changed for them; those first-run figures (Corpus/README.md) estimate accuracy on unseen mail.
@Suite struct CorpusTests {
    struct Label: Decodable {
        var category: String
        var faq: Int?
    }

    /// Levels the corpus must reach (the targets are 90 % / 90 % / 80 % on an unseen set).
    static let minimumAccuracy = 0.90
    static let minimumRequestAccuracy = 0.90
    static let minimumFAQAccuracy = 0.80

    static func score(_ part: String) throws -> CorpusScore {
        let labelsData = try Data(contentsOf: TriageFixtures.root.appendingPathComponent("Tests/TriageTests/Corpus/labels.json"))
        let labels = try JSONDecoder().decode([String: Label].self, from: labelsData)
        let classifier = try TriageFixtures.classifier()
        var score = CorpusScore(name: part)
        for (file, label) in labels.sorted(by: { $0.key < $1.key }) where part == "all" || file.hasPrefix(part + "/") {
            let url = TriageFixtures.root.appendingPathComponent("Tests/TriageTests/Corpus/" + file)
            let bytes = [UInt8](try Data(contentsOf: url))
            let expected = try #require(TriageCategory(rawValue: label.category), "unknown label in \(file)")
            score.add(file: file, expected: expected, expectedFAQ: label.faq, result: classifier.classify(MessageParser.parse(bytes)))
        }
        return score
    }

    @Test func corpusIsLargeAndMostlyGerman() throws {
        let score = try Self.score("all")
        #expect(score.total >= 150)
        let names = try FileManager.default.subpathsOfDirectory(atPath: TriageFixtures.root.appendingPathComponent("Tests/TriageTests/Corpus").path)
        let german = names.filter { $0.hasSuffix("-de.eml") || $0.contains("-de-") }.count
        #expect(Double(german) / Double(score.total) >= 0.6, "German share \(german)/\(score.total)")
    }

    @Test(arguments: ["tuning", "holdout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18", "fresh19", "fresh20", "fresh21", "fresh22"])
    func accuracy(part: String) throws {
        let score = try Self.score(part)
        print(score.report)
        #expect(score.automatedAnswered.isEmpty, "automated mail classified as a request: \(score.automatedAnswered)")
        #expect(score.accuracy >= Self.minimumAccuracy, "\(part): overall accuracy \(score.accuracy)")
        #expect(score.requestAccuracy >= Self.minimumRequestAccuracy, "\(part): standard vs extended \(score.requestAccuracy)")
        #expect(score.faqAccuracy >= Self.minimumFAQAccuracy, "\(part): top FAQ \(score.faqAccuracy)")
    }
}
