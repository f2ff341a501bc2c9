public import MailCore

/// Classifies parsed mail by the rules and links FAQ articles: a pure function of the message,
/// the rules and the catalogue.
public final class Classifier: Sendable {
    /// At most this many FAQ links are returned.
    public static let maximumFAQLinks = 3
    /// What a rule hit pointing to an article adds to its rank: as much as one keyword, so keywords
    /// still decide between the articles that several rules point to.
    public static let ruleHintScore = 1.0
    /// The article that explains extended support and its prices.
    public static let extendedSupportArticle = 1792

    public let rules: RuleSet
    public let catalogue: FAQCatalogue
    private let needsQuoted: Bool
    /// The rules' word patterns together with the FAQ keywords: one scan per text.
    private let index: WordPatternIndex
    /// The signal rules' word patterns: scanned only for a mail whose combinations depend on them.
    private let signalIndex: WordPatternIndex
    /// By rule index: whether a hit removes every FAQ link, and the index of the article the rule
    /// points to (-1 for none). Arrays, so that ranking hashes no rule ids.
    private let suppressesFAQ: [Bool]
    private let articleOfRule: [Int]
    private let fieldRules: [Int]
    /// The header names the rules look at, and which of them each rule wants.
    private let headerNames: [[UInt8]]
    private let headerOfRule: [Int]

    /// Checks that every FAQ id a rule points to exists in the catalogue.
    public init(rules: RuleSet, catalogue: FAQCatalogue) throws(RuleSetError) {
        for rule in rules.rules {
            if let id = rule.faq, catalogue.article(id) == nil {
                throw RuleSetError(location: "rule '\(rule.id)'", problem: "points to FAQ article \(id), which the catalogue lacks")
            }
        }
        self.rules = rules
        self.catalogue = catalogue
        needsQuoted = rules.rules.contains { $0.field == .quoted && !$0.phrases.isEmpty }
        index = WordPatternIndex(rules.rules, articles: catalogue.articles)
        signalIndex = WordPatternIndex(rules.rules, signals: true)
        fieldRules = rules.rules.indices.filter {
            !rules.rules[$0].isCombination && (!rules.rules[$0].field.isWordText || rules.rules[$0].phrases.isEmpty)
        }
        (headerNames, headerOfRule) = HitCollector.headerNames(rules.rules)
        suppressesFAQ = rules.rules.map(\.suppressesFAQ)
        articleOfRule = rules.rules.map { rule in rule.faq.flatMap { id in catalogue.articles.firstIndex { $0.id == id } } ?? -1 }
    }

    public func classify(_ message: ParsedMessage) -> Classification {
        let features = MessageFeatures(message, needsQuoted: needsQuoted, wantedHeaders: headerNames)
        var collector = HitCollector(rules: rules.rules, fieldRules: fieldRules, headerOfRule: headerOfRule)
        collector.collectFields(features)
        let subjectScan = WordScan(features.subject, table: index.subject)
        let bodyScan = WordScan(features.body, table: index.body)
        collector.collectWords(features.subject, subjectScan)
        collector.collectWords(features.body, bodyScan)
        if let quoted = features.quoted { collector.collectWords(quoted, WordScan(quoted, table: index.quoted)) }
        if !collector.collectCombinations(rules.combinations, features, signalsScanned: false) {
            collector.collectWords(features.subject, WordScan(features.subject, table: signalIndex.subject))
            collector.collectWords(features.body, WordScan(features.body, table: signalIndex.body))
            if let quoted = features.quoted { collector.collectWords(quoted, WordScan(quoted, table: signalIndex.quoted)) }
            collector.collectCombinations(rules.combinations, features, signalsScanned: true)
        }
        // Signals score nothing alone: the combinations they fed quote them.
        let ordered = collector.orderedHits.filter { $0.hit.target != .signal }
        let reasons = ordered.map(\.hit)
        var scores: [TriageCategory: Double] = [:]
        var machineEvidence = 0.0
        for hit in reasons {
            guard case .category(let category) = hit.target else { continue }
            scores[category, default: 0] += hit.weight
            if category == .automated, hit.weight > 0 { machineEvidence += hit.weight }
        }
        let verdict = Verdict(scores: scores, machineEvidence: machineEvidence, ticketNumber: collector.ticketNumber,
                              thresholds: rules.thresholds)
        let language = LanguageDetector.detect(features.body.count > 0 ? features.body : features.subject)
        return Classification(
            category: verdict.category, confidence: verdict.confidence, needsReview: verdict.needsReview,
            language: language, faq: faqLinks(verdict.category, [subjectScan, bodyScan], ordered, language),
            ticketNumber: verdict.category == .followup ? collector.ticketNumber : nil,
            reasons: reasons, scores: scores)
    }

    /// Ranked articles for standard requests; extended ones always get the article on extended
    /// support first (the reply explains the costs). No other links for vague mails or where a rule
    /// says so (forwarded phishing).
    private func faqLinks(_ category: TriageCategory, _ scans: [WordScan], _ reasons: [(rule: Int, hit: RuleHit)],
                          _ language: String) -> [FAQLink] {
        guard category == .standard || category == .extended else { return [] }
        var ranked = rankedArticles(scans, reasons, language)
        if category == .extended, let article = catalogue.article(Self.extendedSupportArticle) {
            ranked.removeAll { $0.id == Self.extendedSupportArticle }
            ranked.insert(link(article, score: 0, language), at: 0)
        }
        return Array(ranked.prefix(Self.maximumFAQLinks))
    }

    /// Articles whose keywords and rules fit, best first; none when a rule suppresses links.
    private func rankedArticles(_ scans: [WordScan], _ reasons: [(rule: Int, hit: RuleHit)], _ language: String) -> [FAQLink] {
        if reasons.contains(where: { $0.hit.weight > 0 && suppressesFAQ[$0.rule] }) { return [] }
        let keywords = FAQCatalogue.keywordScores(scans, articleOffset: index.articleOffset, articleCount: catalogue.articles.count)
        var scores = keywords.map { $0?.score }
        // Rule weights behind each article: they break ties between equally matched articles.
        var evidence = [Double](repeating: 0, count: catalogue.articles.count)
        for (rule, hit) in reasons where hit.weight > 0 && articleOfRule[rule] >= 0 {
            let index = articleOfRule[rule]
            scores[index] = (scores[index] ?? 0) + Self.ruleHintScore
            evidence[index] += hit.weight
        }
        // Then the article named first (subject before body): the main question usually comes first.
        func mentionOrder(_ article: Int) -> Int { keywords[article]?.mentionOrder ?? Int.max }
        return scores.indices
            .filter { scores[$0].map { $0 >= rules.thresholds.faqMinimum } ?? false }
            .sorted {
                let (first, second) = (scores[$0] ?? 0, scores[$1] ?? 0)
                if first != second { return first > second }
                if evidence[$0] != evidence[$1] { return evidence[$0] > evidence[$1] }
                if mentionOrder($0) != mentionOrder($1) { return mentionOrder($0) < mentionOrder($1) }
                return catalogue.articles[$0].id < catalogue.articles[$1].id
            }
            .map { link(catalogue.articles[$0], score: scores[$0] ?? 0, language) }
    }

    private func link(_ article: FAQCatalogue.Article, score: Double, _ language: String) -> FAQLink {
        FAQLink(id: article.id, title: article.title(language), url: article.url(language), score: score)
    }
}
