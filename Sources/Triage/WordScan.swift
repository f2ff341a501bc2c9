/// All places where word patterns matched in one text, found in one pass over its words.
struct WordScan {
    struct Found {
        /// The rule (or FAQ article) the pattern belongs to.
        var rule: Int
        var phrase: Int
        var match: PhraseMatch
    }

    /// A rule that matches very often still needs only a few places to be judged.
    static let maximumMatchesPerRule = 6

    let found: [Found]

    init(_ text: TokenizedText, table: WordPatternIndex.Table, pattern: (WordPatternIndex.Entry) -> PhrasePattern) {
        var found: [Found] = []
        guard !table.isEmpty, text.count > 0 else {
            self.found = found
            return
        }
        var perRule: [Int: Int] = [:]
        func collect(_ entries: [WordPatternIndex.Entry], at index: Int) {
            for entry in entries {
                let count = perRule[entry.rule, default: 0]
                guard count < Self.maximumMatchesPerRule,
                      let match = text.match(pattern(entry), at: index) else { continue }
                perRule[entry.rule] = count + 1
                found.append(Found(rule: entry.rule, phrase: entry.phrase, match: match))
            }
        }
        for index in 0..<text.count {
            if let key = text.key(at: index), let entries = table.byKey[key] { collect(entries, at: index) }
            if !table.everywhere.isEmpty { collect(table.everywhere, at: index) }
        }
        self.found = found
    }
}
