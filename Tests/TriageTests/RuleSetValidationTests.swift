import Foundation
import Testing
@testable import Triage

/// A broken rules file is a clear error that names the rule.
@Suite struct RuleSetValidationTests {
    static let valid = #"{"id": "r1", "description": "d", "category": "standard", "weight": 1, "field": "body", "phrases": ["stoerung"]}"#

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var rules: String
        var location: String
        var problem: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "bad regex", rules: #"{"id": "bad_rx", "description": "d", "category": "automated", "weight": 1, "field": "from", "regex": ["(unclosed"]}"#,
             location: "rule 'bad_rx'", problem: "bad regex"),
        Case(name: "unknown field", rules: #"{"id": "f1", "description": "d", "category": "standard", "weight": 1, "field": "bodyy", "phrases": ["x"]}"#,
             location: "rule 'f1'", problem: "unknown field 'bodyy'"),
        Case(name: "unknown category", rules: #"{"id": "c1", "description": "d", "category": "urgent", "weight": 1, "phrases": ["x"]}"#,
             location: "rule 'c1'", problem: "unknown category 'urgent'"),
        Case(name: "duplicate id", rules: valid + ", " + valid, location: "rule 'r1'", problem: "duplicate id"),
        Case(name: "unknown key", rules: #"{"id": "k1", "description": "d", "category": "standard", "weight": 1, "phrase": ["x"]}"#,
             location: "rule 'k1'", problem: "unknown key 'phrase'"),
        Case(name: "missing weight", rules: #"{"id": "w1", "description": "d", "category": "standard", "phrases": ["x"]}"#,
             location: "rule 'w1'", problem: "missing numeric 'weight'"),
        Case(name: "weight is not a number", rules: #"{"id": "w2", "description": "d", "category": "standard", "weight": true, "phrases": ["x"]}"#,
             location: "rule 'w2'", problem: "missing numeric 'weight'"),
        Case(name: "bad phrase", rules: #"{"id": "p1", "description": "d", "category": "standard", "weight": 1, "phrases": [".. stoerung"]}"#,
             location: "rule 'p1'", problem: "bad phrase '.. stoerung'"),
        Case(name: "phrases on a header", rules: #"{"id": "h1", "description": "d", "category": "automated", "weight": 1, "field": "header:X-A", "phrases": ["x"]}"#,
             location: "rule 'h1'", problem: "'phrases' need a word field"),
        Case(name: "no patterns", rules: #"{"id": "e1", "description": "d", "category": "standard", "weight": 1}"#,
             location: "rule 'e1'", problem: "needs 'phrases', 'regex', 'contains', 'starts', 'present', 'all_of' or 'any_of'"),
        Case(name: "unknown shape", rules: valid + #", {"id": "c2", "description": "d", "category": "automated", "weight": 1, "all_of": ["r1", "shape:long"]}"#,
             location: "rule 'c2'", problem: "unknown shape 'shape:long'"),
        Case(name: "unknown rule in a combination", rules: #"{"id": "c3", "description": "d", "category": "automated", "weight": 1, "any_of": ["nope"]}"#,
             location: "rule 'c3'", problem: "refers to 'nope', which is no other rule"),
        Case(name: "combination refers to a later combination", rules: valid
                + #", {"id": "c4", "description": "d", "category": "automated", "weight": 1, "all_of": ["c5"]}"#
                + #", {"id": "c5", "description": "d", "category": "automated", "weight": 1, "all_of": ["r1"]}"#,
             location: "rule 'c4'", problem: "refers to the later combination 'c5'"),
        Case(name: "combination with patterns", rules: valid + #", {"id": "c6", "description": "d", "category": "automated", "weight": 1, "all_of": ["r1"], "phrases": ["x"]}"#,
             location: "rule 'c6'", problem: "a combination rule ('all_of', 'any_of') has no patterns of its own"),
        Case(name: "none_of alone", rules: valid + #", {"id": "c7", "description": "d", "category": "automated", "weight": 1, "none_of": ["r1"]}"#,
             location: "rule 'c7'", problem: "'none_of' needs 'all_of' or 'any_of'"),
        Case(name: "signal with a weight", rules: #"{"id": "s1", "description": "d", "category": "signal", "weight": 2, "field": "body", "phrases": ["x"]}"#,
             location: "rule 's1'", problem: "a signal scores nothing"),
        Case(name: "contraction beside its spelling-out", rules: #"{"id": "a1", "description": "d", "category": "automated", "weight": 1, "phrases": ["wont|will not .. read"]}"#,
             location: "rule 'a1'", problem: "bad phrase 'wont|will not .. read': 'wont' stands next to its own spelling-out"),
        Case(name: "one word offered by neighbouring terms", rules: #"{"id": "a2", "description": "d", "category": "automated", "weight": 1, "phrases": ["longer .. than usual|response times|to respond|to reply"]}"#,
             location: "rule 'a2'", problem: "bad phrase 'longer .. than usual|response times|to respond|to reply': 'to' is offered by two terms without '..' between them"),
        Case(name: "one word listed twice", rules: #"{"id": "a3", "description": "d", "category": "standard", "weight": 1, "phrases": ["geht .. nicht|nicht mehr"]}"#,
             location: "rule 'a3'", problem: "bad phrase 'geht .. nicht|nicht mehr': 'nicht' is listed twice"),
        Case(name: "a multi-word alternative", rules: #"{"id": "a5", "description": "d", "category": "standard", "weight": 1, "phrases": ["nobody|noone|no one .. changed"]}"#,
             location: "rule 'a5'", problem: "bad phrase 'nobody|noone|no one .. changed': 'no one' is meant as one alternative"),
        Case(name: "misread exception", rules: #"{"id": "a4", "description": "d", "category": "standard", "weight": 1, "phrases": ["x"], "except": ["please dont|do not"]}"#,
             location: "rule 'a4'", problem: "bad exception phrase 'please dont|do not'"),
        Case(name: "missing id", rules: #"{"description": "d", "category": "standard", "weight": 1, "phrases": ["x"]}"#,
             location: "rule #1", problem: "missing 'id'"),
    ]

    @Test(arguments: cases)
    func brokenRuleIsNamed(_ testCase: Case) {
        let json = #"{"rules": ["# + testCase.rules + "]}"
        #expect {
            _ = try RuleSet(json: json)
        } throws: { error in
            guard let error = error as? RuleSetError else { return false }
            return error.location == testCase.location && error.problem.hasPrefix(testCase.problem)
        }
    }

    @Test func validRuleLoads() throws {
        let rules = try RuleSet(json: #"{"rules": ["# + Self.valid + "]}")
        #expect(rules.rules.map(\.id) == ["r1"])
    }

    @Test func unknownThresholdIsNamed() {
        #expect(throws: RuleSetError.self) { try RuleSet(json: #"{"thresholds": {"extendd": 2}, "rules": []}"#) }
    }

    @Test func ruleMustPointToAnExistingFAQ() throws {
        let rules = try RuleSet(json: #"{"rules": [{"id": "f", "description": "d", "category": "standard", "weight": 1, "phrases": ["x"], "faq": 4242}]}"#)
        let catalogue = try FAQCatalogue(json: #"{"articles": [{"id": 1001, "title": {"de": "t"}, "url": {"de": "u"}, "keywords": []}]}"#)
        #expect(throws: RuleSetError.self) { try Classifier(rules: rules, catalogue: catalogue) }
    }

    @Test func repositoryFilesLoad() throws {
        let classifier = try TriageFixtures.classifier()
        #expect(classifier.rules.rules.count > 50)
        let ids = Set(classifier.catalogue.articles.map(\.id))
        #expect(ids == [1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1792])
        for article in classifier.catalogue.articles {
            #expect(!article.title("de").isEmpty && !article.title("en").isEmpty && article.url("en").hasPrefix("https://"))
        }
    }
}
