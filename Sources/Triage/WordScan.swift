/// All places where word patterns matched in one text, found in one pass over its words.
struct WordScan {
    struct Found {
        /// The rule (or FAQ article) the pattern belongs to.
        var rule: Int
        var phrase: Int
        var match: PhraseMatch
    }

    /// A rule that matches very often still needs only a few places to be judged (negation cues
    /// included: a long mail rarely negates more than this many self-inflicted actions).
    static let maximumMatchesPerRule = 32

    let found: [Found]

    /// Room reserved for matches up front: most texts have fewer, so the array never regrows.
    static let expectedMatches = 16

    init(_ text: TokenizedText, table: WordPatternIndex.Table) {
        var found: [Found] = []
        found.reserveCapacity(Self.expectedMatches)
        // Matches per rule so far, on the stack (an array per scan would cost more than the counting).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: table.owners) { perRule in
            perRule.initialize(repeating: 0)
            table.scan(text) { pattern, match in
                let entry = table.entries[pattern]
                guard perRule[entry.rule] < Self.maximumMatchesPerRule else { return }
                perRule[entry.rule] += 1
                found.append(Found(rule: entry.rule, phrase: entry.phrase, match: match))
            }
        }
        self.found = found
    }
}
