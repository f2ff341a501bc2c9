import Testing
@testable import Triage

/// How equally matched FAQ articles are ordered: by rule evidence, then the article the mail names
/// first (the subject before the body), then by id.
@Suite struct FAQRankingTests {
    /// Two articles with one keyword each and no rules: every mail is a thin standard request whose
    /// two candidate articles score alike.
    static func classifier() throws -> Classifier {
        let catalogue = try FAQCatalogue(json: #"""
        {"articles": [
          {"id": 1001, "title": {"de": "Login"}, "url": {"de": "https://example.org/1001"}, "keywords": ["kundencenter"]},
          {"id": 1006, "title": {"de": "FTP"}, "url": {"de": "https://example.org/1006"}, "keywords": ["sftp"]}
        ]}
        """#)
        return try Classifier(rules: RuleSet(json: #"{"rules": []}"#), catalogue: catalogue)
    }

    static func ranked(subject: String, body: String) throws -> [Int] {
        try classifier().classify(TriageFixtures.message(subject: subject, body: body)).faq.map(\.id)
    }

    @Test("Equally matched articles: the one the body names first comes first")
    func firstMentionInBody() throws {
        #expect(try Self.ranked(subject: "Frage", body: "Ich brauche einen SFTP-Zugang, im Kundencenter finde ich nichts.") == [1006, 1001])
        #expect(try Self.ranked(subject: "Frage", body: "Im Kundencenter finde ich keinen SFTP-Zugang.") == [1001, 1006])
    }

    @Test("Equally matched articles: a keyword in the subject comes before the body")
    func subjectBeforeBody() throws {
        #expect(try Self.ranked(subject: "SFTP für unseren Entwickler", body: "Im Kundencenter finde ich nichts dazu.") == [1006, 1001])
    }
}
