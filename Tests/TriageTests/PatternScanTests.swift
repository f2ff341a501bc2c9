import Foundation
import MailCore
import Testing
@testable import Triage

/// The compiled scan (`PatternProgram`: anchors, buckets, word heads) is an optimisation of trying
/// every pattern at every word with the direct matcher; it must find exactly the same matches.
@Suite struct PatternScanTests {
    /// Every match the direct matcher finds, by pattern and start word, with its end.
    static func directMatches(_ table: WordPatternIndex.Table, _ text: TokenizedText) -> [[Int]: Int] {
        var found: [[Int]: Int] = [:]
        for (pattern, compiled) in table.patterns.enumerated() {
            for index in 0..<text.count {
                if let match = text.match(compiled, at: index) { found[[pattern, index]] = match.end }
            }
        }
        return found
    }

    /// The scan's matches, by pattern and start word (the first reported, as the direct matcher
    /// reports the first alternative that matches), checking that they come in word order.
    static func scannedMatches(_ table: WordPatternIndex.Table, _ text: TokenizedText) -> [[Int]: Int] {
        var found: [[Int]: Int] = [:]
        var lastStart = 0
        table.scan(text) { pattern, match in
            #expect(match.start >= lastStart, "scan reported word \(match.start) after word \(lastStart)")
            lastStart = match.start
            if found[[pattern, match.start]] == nil { found[[pattern, match.start]] = match.end }
        }
        return found
    }

    static func texts(_ paths: [String]) throws -> [TokenizedText] {
        try paths.flatMap { path -> [TokenizedText] in
            let raw = try [UInt8](Data(contentsOf: TriageFixtures.root.appendingPathComponent(path)))
            let features = MessageFeatures(MessageParser.parse(raw), needsQuoted: true, wantedHeaders: [])
            return [features.subject, features.body] + (features.quoted.map { [$0] } ?? [])
        }
    }

    static func corpusSample() throws -> [String] {
        let directory = TriageFixtures.root.appendingPathComponent("Tests/TriageTests/Corpus")
        let names = try FileManager.default.subpathsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".eml") }.sorted()
        // Every eighth mail: all parts and both languages, in a few seconds of a debug build.
        return names.enumerated().filter { $0.offset % 8 == 0 }.map { "Tests/TriageTests/Corpus/" + $0.element }
    }

    @Test("The compiled scan finds what trying every rule pattern at every word finds, over corpus mail")
    func scanEqualsDirectMatchingOnCorpus() throws {
        let classifier = try TriageFixtures.classifier()
        let index = WordPatternIndex(classifier.rules.rules, articles: classifier.catalogue.articles)
        let signals = WordPatternIndex(classifier.rules.rules, signals: true)
        let sample = try Self.corpusSample()
        #expect(sample.count > 150)
        var compared = 0
        for text in try Self.texts(sample) {
            for table in [index.subject, index.body, index.quoted, signals.body] {
                let expected = Self.directMatches(table, text)
                let scanned = Self.scannedMatches(table, text)
                #expect(scanned == expected)
                compared += expected.count
            }
        }
        #expect(compared > 2_000)
    }

    @Test("A pattern anchored on a later term is still found from every start, once per start")
    func laterAnchorsFindEveryStart() throws {
        let pattern = try PhrasePattern.parse("ich|wir|i .. geloescht|deleted").get()
        let anchor = PatternAnchor(pattern.elements)
        #expect(anchor.element == 2)
        #expect(anchor.nearest == 1)
        #expect(anchor.farthest == PhrasePattern.maximumCompoundParts + PhrasePattern.maximumGap)
        let table = WordPatternIndex.Table([(WordPatternIndex.Entry(rule: 0, phrase: 0), pattern)])
        // Two starts share one anchor word, a third comes after it and reaches only the second; the
        // last sentence has an anchor word without any start.
        let text = TokenizedText("Ich und wir haben alles gelöscht, und ich habe auch eins zwei gelöscht. Gelöscht!")
        let expected = Self.directMatches(table, text)
        #expect(expected.keys.map { $0[1] }.sorted() == [0, 2, 7])
        #expect(Self.scannedMatches(table, text) == expected)
    }

    @Test("The first term stays the anchor unless a later one is much rarer")
    func anchorChoice() throws {
        func anchor(_ source: String) throws -> Int { PatternAnchor(try PhrasePattern.parse(source).get().elements).element }
        #expect(try anchor("mailserver* .. down") == 0)
        #expect(try anchor("ich .. geloescht") == 2)
        #expect(try anchor("*filter .. eingestellt") == 2)
        #expect(try anchor("ticketnummer <num>") == 0)
        #expect(try anchor("i get|receive|received") == 1)
    }
}
