public import Foundation

/// The FAQ articles of `Config/faq.json`: titles and URLs per language and the keywords that
/// rank an article for a mail (same word-pattern syntax as the rules).
public struct FAQCatalogue: Sendable {
    public struct Article: Sendable {
        public let id: Int
        public let titles: [String: String]
        public let urls: [String: String]
        let keywords: [PhrasePattern]

        /// The title and URL in `language`, else German, else whatever there is.
        public func title(_ language: String) -> String {
            titles[language] ?? titles["de"] ?? titles.values.sorted().first ?? ""
        }
        public func url(_ language: String) -> String {
            urls[language] ?? urls["de"] ?? urls.values.sorted().first ?? ""
        }
    }

    public let articles: [Article]

    public init(json: Data) throws(RuleSetError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: json)
        } catch {
            throw RuleSetError(location: "FAQ file", problem: "not valid JSON (\(error.localizedDescription))")
        }
        guard let list = (object as? [String: Any])?["articles"] as? [Any] else {
            throw RuleSetError(location: "FAQ file", problem: "the top level must be an object with an 'articles' list")
        }
        var articles: [Article] = []
        for (position, entry) in list.enumerated() {
            guard let fields = entry as? [String: Any], let id = JSONNumber.integer(fields["id"]) else {
                throw RuleSetError(location: "FAQ article #\(position + 1)", problem: "needs a numeric 'id'")
            }
            let location = "FAQ article \(id)"
            guard !articles.contains(where: { $0.id == id }) else {
                throw RuleSetError(location: location, problem: "duplicate id")
            }
            guard let titles = fields["title"] as? [String: String], !titles.isEmpty,
                  let urls = fields["url"] as? [String: String], !urls.isEmpty else {
                throw RuleSetError(location: location, problem: "needs 'title' and 'url' objects keyed by language")
            }
            var keywords: [PhrasePattern] = []
            for source in fields["keywords"] as? [String] ?? [] {
                switch PhrasePattern.parse(source) {
                case .success(let pattern):
                    keywords.append(pattern)
                case .failure(let error):
                    throw RuleSetError(location: location, problem: "bad keyword '\(source)': \(error.message)")
                }
            }
            articles.append(Article(id: id, titles: titles, urls: urls, keywords: keywords))
        }
        self.articles = articles
    }

    public init(json: String) throws(RuleSetError) {
        try self.init(json: Data(json.utf8))
    }

    public func article(_ id: Int) -> Article? { articles.first { $0.id == id } }

    /// Keyword score per article index from scans of the combined index (see
    /// `WordPatternIndex.articleOffset`); each keyword counts once. Nil for articles no keyword hit.
    /// With each score, the article's place in the order the mail first names them (0 first): the
    /// earlier, the likelier it is the mail's main question. Scans come subject first and their
    /// matches in word order, so an article's first keyword seen is its first mention.
    static func keywordScores(_ scans: [WordScan], articleOffset: Int, articleCount: Int)
        -> [(score: Double, mentionOrder: Int)?] {
        // A short list, not a set: a mail matches a few keywords, and no hashing is cheaper.
        var seen: [WordPatternIndex.Entry] = []
        var scores = [(score: Double, mentionOrder: Int)?](repeating: nil, count: articleCount)
        var mentioned = 0
        for scan in scans {
            for found in scan.found where found.rule >= articleOffset && found.rule - articleOffset < articleCount {
                // A keyword repeated ten times is still one hint.
                let entry = WordPatternIndex.Entry(rule: found.rule, phrase: found.phrase)
                guard !seen.contains(entry) else { continue }
                seen.append(entry)
                let article = found.rule - articleOffset
                if let known = scores[article] {
                    scores[article] = (known.score + 1, known.mentionOrder)
                } else {
                    scores[article] = (1, mentioned)
                    mentioned += 1
                }
            }
        }
        return scores
    }
}
