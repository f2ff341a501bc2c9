/// The word patterns of all rules, grouped by the text they run over and keyed by the first three
/// bytes of their first term: scanning a mail looks up each word's key instead of trying every rule.
struct WordPatternIndex: Sendable {
    /// Which rule and which of its phrases.
    struct Entry: Sendable, Hashable {
        var rule: Int
        var phrase: Int
    }

    /// The patterns for one kind of text.
    struct Table: Sendable {
        var byKey: [UInt32: [Entry]] = [:]
        /// Patterns whose first term cannot be keyed (short, suffix, number): tried at every word.
        var everywhere: [Entry] = []
        var isEmpty: Bool { byKey.isEmpty && everywhere.isEmpty }

        mutating func add(_ entry: Entry, _ pattern: PhrasePattern) {
            if let keys = pattern.indexKeys {
                for key in Set(keys) { byKey[key, default: []].append(entry) }
            } else {
                everywhere.append(entry)
            }
        }
    }

    var subject = Table()
    var body = Table()
    var quoted = Table()

    init(_ rules: [Rule]) {
        for (ruleIndex, rule) in rules.enumerated() {
            for (phraseIndex, pattern) in rule.phrases.enumerated() {
                let entry = Entry(rule: ruleIndex, phrase: phraseIndex)
                switch rule.field {
                case .subject: subject.add(entry, pattern)
                case .body: body.add(entry, pattern)
                case .text: subject.add(entry, pattern); body.add(entry, pattern)
                case .quoted: quoted.add(entry, pattern)
                case .from, .contentType, .header: continue
                }
            }
        }
    }
}
