/// The word patterns of all rules, grouped by the text they run over (subject, own words, quoted
/// text) and compiled for scanning each text once.
struct WordPatternIndex: Sendable {
    /// Which rule (or FAQ article) and which of its phrases.
    struct Entry: Sendable, Hashable {
        var rule: Int
        var phrase: Int
    }

    /// The compiled patterns for one kind of text and, for each, the entry it belongs to.
    final class Table: Sendable {
        let program: PatternProgram
        let entries: [Entry]
        /// The patterns as written, by program index (the direct matcher's view, for checking the program).
        let patterns: [PhrasePattern]
        /// One more than the highest owner (rule or article) number.
        let owners: Int
        var isEmpty: Bool { entries.isEmpty }

        /// `PatternProgram.scan` on this table's program, borrowed from the table: the program's
        /// arrays are not retained and released on every scan.
        func scan(_ text: TokenizedText, _ found: (Int, PhraseMatch) -> Void) {
            program.scan(text, found)
        }

        init(_ patterns: [(Entry, PhrasePattern)]) {
            self.patterns = patterns.map(\.1)
            program = PatternProgram(self.patterns)
            entries = patterns.map(\.0)
            owners = (entries.map(\.rule).max() ?? -1) + 1
        }
    }

    let subject: Table
    let body: Table
    let quoted: Table

    /// Entries with `rule` at or above this are FAQ keywords of article `rule - articleOffset`.
    let articleOffset: Int

    /// Rules and, when given, the FAQ keywords (matched on subject and own words), so that one scan
    /// of a text serves both. `signals` picks the signal rules alone, or every rule but them.
    init(_ rules: [Rule], articles: [FAQCatalogue.Article] = [], signals: Bool = false) {
        articleOffset = rules.count
        var subject: [(Entry, PhrasePattern)] = []
        var body: [(Entry, PhrasePattern)] = []
        var quoted: [(Entry, PhrasePattern)] = []
        for (articleIndex, article) in articles.enumerated() {
            for (keywordIndex, keyword) in article.keywords.enumerated() {
                let entry = (Entry(rule: rules.count + articleIndex, phrase: keywordIndex), keyword)
                subject.append(entry)
                body.append(entry)
            }
        }
        for (ruleIndex, rule) in rules.enumerated() where (rule.target == .signal) == signals {
            for (phraseIndex, pattern) in rule.phrases.enumerated() {
                let entry = (Entry(rule: ruleIndex, phrase: phraseIndex), pattern)
                switch rule.field {
                case .subject: subject.append(entry)
                case .body: body.append(entry)
                case .text: subject.append(entry); body.append(entry)
                case .quoted: quoted.append(entry)
                case .from, .contentType, .header: continue
                }
            }
        }
        self.subject = Table(subject)
        self.body = Table(body)
        self.quoted = Table(quoted)
    }
}
