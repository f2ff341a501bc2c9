/// The term a pattern is looked up by while scanning, and how far before it a match may start.
///
/// Scanning tries a pattern wherever a word fits its anchor, so the anchor should be its rarest
/// term. That is the first one unless a later term is much rarer: "ich|wir|i|we .. gelöscht|deleted"
/// would otherwise be tried at every "ich" of a mail, and a pattern starting with `*filter` at every
/// word. A later anchor costs a look back over the words where a match could start.
struct PatternAnchor: Equatable {
    /// The element the pattern is anchored on.
    let element: Int
    /// A match starts this many words before its anchor word at least...
    let nearest: Int
    /// ...and at most this many.
    let farthest: Int

    /// A later term becomes the anchor only when it is estimated at least this many times rarer
    /// than the first: looking back costs several attempts per anchor word.
    static let laterAnchorAdvantage = 2.0

    /// What a term costs as an anchor when it cannot be bucketed by its beginning: tried at every word.
    static let everywhereCost = 1_000.0
    /// What a one-letter alternative costs ("i"): bucketed by its letter alone, it is tried at every
    /// word starting so.
    static let singleLetterCost = 64.0

    init(_ elements: [PhrasePattern.Element]) {
        var best = 0
        var bestCost = Self.everywhereCost
        for (position, element) in elements.enumerated() {
            guard case .term(let alternatives) = element, let cost = Self.cost(alternatives, first: position == 0) else { continue }
            if position == 0 {
                bestCost = cost
            } else if cost * Self.laterAnchorAdvantage <= bestCost {
                // The first term's cost stays the bar: several later terms compete among themselves.
                if best == 0 || cost < Self.cost(elements[best]) { best = position }
            }
        }
        element = best
        var nearest = 0
        var farthest = 0
        for element in elements[..<best] {
            switch element {
            case .gap:
                farthest += PhrasePattern.maximumGap
            case .term(let alternatives):
                nearest += 1
                farthest += alternatives.map(Self.wordsSpanned).max() ?? 1
            }
        }
        self.nearest = nearest
        self.farthest = farthest
    }

    private static func cost(_ element: PhrasePattern.Element) -> Double {
        guard case .term(let alternatives) = element else { return everywhereCost }
        return cost(alternatives, first: false) ?? everywhereCost
    }

    /// How often a word fits one of the alternatives, in rough units: a function word ("ich", "the")
    /// fits far more often than a long stem. Nil when a later term cannot be an anchor (no fixed
    /// beginning of two letters or more).
    static func cost(_ alternatives: [PhrasePattern.Alternative], first: Bool) -> Double? {
        var total = 0.0
        for alternative in alternatives {
            switch alternative.kind {
            case .exact, .prefix:
                guard alternative.bytes.count >= 2 else {
                    guard first else { return nil }
                    total += singleLetterCost
                    continue
                }
                total += frequency(alternative.bytes)
            case .suffix, .contains, .number, .day:
                guard first else { return nil }
                return everywhereCost
            }
        }
        return total
    }

    /// Rough relative frequency of words starting with `bytes`.
    private static func frequency(_ bytes: [UInt8]) -> Double {
        if LanguageDetector.isStopWord(bytes) { return 16 }
        switch bytes.count {
        case ...2: return 8
        case 3: return 4
        case 4: return 2
        default: return 1
        }
    }

    /// How many written words a term may take: a compound written apart spans up to
    /// `maximumCompoundParts`, each at least one letter.
    private static func wordsSpanned(_ alternative: PhrasePattern.Alternative) -> Int {
        switch alternative.kind {
        case .exact, .prefix: return min(PhrasePattern.maximumCompoundParts, max(1, alternative.bytes.count))
        case .suffix, .contains, .number, .day: return 1
        }
    }
}
