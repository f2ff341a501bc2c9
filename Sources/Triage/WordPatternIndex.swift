/// The word patterns of all rules, grouped by the text they run over (subject, own words, quoted
/// text) and compiled for scanning each text once.
struct WordPatternIndex: Sendable {
    /// Which rule (or FAQ article) and which of its phrases.
    struct Entry: Sendable, Hashable {
        var rule: Int
        var phrase: Int
    }

    /// The compiled patterns for one kind of text and, for each, the entry it belongs to.
    struct Table: Sendable {
        let program: PatternProgram
        let entries: [Entry]
        var isEmpty: Bool { entries.isEmpty }

        init(_ patterns: [(Entry, PhrasePattern)]) {
            program = PatternProgram(patterns.map(\.1))
            entries = patterns.map(\.0)
        }
    }

    let subject: Table
    let body: Table
    let quoted: Table

    init(_ rules: [Rule]) {
        var subject: [(Entry, PhrasePattern)] = []
        var body: [(Entry, PhrasePattern)] = []
        var quoted: [(Entry, PhrasePattern)] = []
        for (ruleIndex, rule) in rules.enumerated() {
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
