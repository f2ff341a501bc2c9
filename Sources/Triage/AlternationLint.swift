/// Catches the commonest slip in rule patterns: `|` joins single words, so "wont|will not" reads as
/// (wont|will) followed by "not", and "back to|each other" as back (to|each) other. Such a pattern
/// loads, never matches what its author meant, and fails silently; these forms are never meant and
/// are refused on load instead, with a hint how to write the intended alternatives.
enum AlternationLint {
    /// English negated contractions and the auxiliary each one spells out.
    static let contractions: [String: String] = [
        "wont": "will", "dont": "do", "doesnt": "does", "didnt": "did", "cant": "can", "isnt": "is", "arent": "are",
        "wasnt": "was", "werent": "were", "havent": "have", "hasnt": "has", "hadnt": "had", "wouldnt": "would",
        "couldnt": "could", "shouldnt": "should",
    ]

    static let hint = "'|' joins single words; write a multi-word alternative joined ('imkreis' also matches 'im Kreis') or as a phrase of its own"

    /// Why `source` cannot mean what it seems to, or nil: a term that lists one word twice, two
    /// neighbouring terms that both offer the same word, or a contraction next to its own spelling-out.
    static func misreading(_ source: String) -> String? {
        let terms: [[Substring]?] = source.split(separator: " ").map { $0 == ".." ? nil : $0.split(separator: "|") }
        for (position, term) in terms.enumerated() {
            guard let term else { continue }
            if let repeated = term.first(where: { word in term.filter { $0 == word }.count > 1 }) {
                return "'\(repeated)' is listed twice in '\(term.joined(separator: "|"))': \(hint)"
            }
            guard position + 1 < terms.count, let next = terms[position + 1], term.count > 1 || next.count > 1 else { continue }
            if let shared = term.first(where: { next.contains($0) }) {
                return "'\(shared)' is offered by two neighbouring terms ('\(term.joined(separator: "|")) \(next.joined(separator: "|"))'): \(hint)"
            }
            for (word, neighbours) in [(term, next), (next, term)].flatMap({ pair in pair.0.map { ($0, pair.1) } }) {
                guard let spelled = contractions[String(word)], neighbours.contains(where: { $0 == "not" || $0 == spelled }) else { continue }
                return "'\(word)' stands next to its own spelling-out ('\(spelled) not'): \(hint)"
            }
        }
        return nil
    }
}
