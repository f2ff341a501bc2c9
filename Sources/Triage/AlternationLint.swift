/// Catches the commonest slip in rule patterns: `|` joins single words, so "wont|will not" reads as
/// (wont|will) followed by "not", and "back to|each other" as back (to|each) other. Such a pattern
/// loads, never matches what its author meant, and fails silently; these forms are never meant and
/// are refused on load instead, with a hint how to write the intended alternatives.
enum AlternationLint {
    /// English negated contractions and the auxiliary each one spells out.
    static let contractions: [[UInt8]: [UInt8]] = Dictionary(uniqueKeysWithValues: [
        ("wont", "will"), ("dont", "do"), ("doesnt", "does"), ("didnt", "did"), ("cant", "can"), ("isnt", "is"), ("arent", "are"),
        ("wasnt", "was"), ("werent", "were"), ("havent", "have"), ("hasnt", "has"), ("hadnt", "had"), ("wouldnt", "would"),
        ("couldnt", "could"), ("shouldnt", "should"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) })
    static let not = Array("not".utf8)

    static let hint = "'|' joins single words; write a multi-word alternative joined ('imkreis' also matches 'im Kreis') or as a phrase of its own"

    /// Why the parsed `elements` cannot mean what they seem to, or nil: a term that lists one word
    /// twice, two terms without '..' between them that both offer the same word, or a contraction next to its own
    /// spelling-out. Works on the folded terms: it runs for every phrase of every rule on load.
    static func misreading(_ elements: [PhrasePattern.Element]) -> String? {
        for (position, element) in elements.enumerated() {
            guard case .term(let term) = element else { continue }
            for (index, alternative) in term.enumerated() where term[(index + 1)...].contains(where: { same($0, alternative) }) {
                return "'\(word(alternative))' is listed twice in '\(written(term))': \(hint)"
            }
            // Terms up to the next '..' follow each other word by word: one word offered twice among
            // them ("koennt ihr|koennen sie|koennt") is a list of phrases squeezed into one.
            var later = position + 1
            while later < elements.count, case .term(let other) = elements[later] {
                if term.count > 1 || other.count > 1, let shared = term.first(where: { alternative in other.contains { same($0, alternative) } }) {
                    return "'\(word(shared))' is offered by two terms without '..' between them ('\(written(term))', '\(written(other))'): \(hint)"
                }
                later += 1
            }
            guard position + 1 < elements.count, case .term(let next) = elements[position + 1], term.count > 1 || next.count > 1 else { continue }
            // "noone|no one": an alternative and the next word spell another alternative of the term.
            for alternative in term where alternative.kind == .exact {
                for word in next where word.kind == .exact && term.contains(where: { $0.kind == .exact && $0.bytes == alternative.bytes + word.bytes }) {
                    return "'\(self.word(alternative)) \(self.word(word))' is meant as one alternative of '\(written(term))': \(hint)"
                }
            }
            for (words, neighbours) in [(term, next), (next, term)] {
                for alternative in words where alternative.kind == .exact {
                    guard let spelled = contractions[alternative.bytes],
                          neighbours.contains(where: { $0.kind == .exact && ($0.bytes == not || $0.bytes == spelled) }) else { continue }
                    return "'\(word(alternative))' stands next to its own spelling-out ('\(String(decoding: spelled, as: UTF8.self)) not'): \(hint)"
                }
            }
        }
        return nil
    }

    private static func same(_ first: PhrasePattern.Alternative, _ second: PhrasePattern.Alternative) -> Bool {
        first.kind == second.kind && first.bytes == second.bytes
    }

    /// An alternative as the rules file writes it ("filter*", "<day>").
    private static func word(_ alternative: PhrasePattern.Alternative) -> String {
        let text = String(decoding: alternative.bytes, as: UTF8.self)
        switch alternative.kind {
        case .exact: return text
        case .prefix: return text + "*"
        case .suffix: return "*" + text
        case .contains: return "*" + text + "*"
        case .number: return "<num>"
        case .day: return "<day>"
        }
    }

    private static func written(_ term: [PhrasePattern.Alternative]) -> String { term.map(word).joined(separator: "|") }
}
