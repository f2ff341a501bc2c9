import Foundation

/// One weighted rule of `Config/rules.json`, compiled: every hit adds `weight` to its target's
/// score and is listed with the text that matched, so an agent can see why a mail was classified.
public final class Rule: Sendable {
    public let id: String
    public let description: String
    public let target: RuleTarget
    public let weight: Double
    public let field: RuleField
    /// Word patterns (for subject, body, text, quoted).
    let phrases: [PhrasePattern]
    /// Regular expressions, case-insensitive (for subject, from, headers, content types).
    let regexes: [NSRegularExpression]
    /// Lower-case substrings, any of which is a hit (for subject, from, headers, content types):
    /// much cheaper than a regular expression where a literal says it all.
    let substrings: [[UInt8]]
    /// Lower-case beginnings, any of which is a hit (leading blanks ignored): `Read:`, `Fwd:`, `bulk`.
    let prefixes: [[UInt8]]
    /// For header rules: the header's mere presence is a hit.
    let matchesPresence: Bool
    /// A negation cue next to the match cancels the hit ("nicht", "not", "nichts").
    public let negatable: Bool
    /// A provider-attribution cue in the same sentence cancels the hit ("Sie haben … gelöscht").
    public let attributable: Bool
    /// For negation modifiers: phrases that look like a cue but are none ("nicht mehr").
    /// For category rules: phrases that void a match in the same sentence ("wie kann ich" next to
    /// "wiederherstellen" asks for guidance, not for staff to do it).
    let exceptions: [PhrasePattern]
    /// The FAQ article this rule points to, if any (adds to that article's rank).
    public let faq: Int?
    /// A hit removes every FAQ link (vague mails, forwarded phishing).
    public let suppressesFAQ: Bool
    /// For combination rules: the rules (ids) and shapes ("shape:question") that must all have
    /// fired, of which at least one must have (when given), and none of which may have: evidence
    /// of different kinds that, together, is stronger than any of its phrases alone.
    public let allOf: [String]
    public let anyOf: [String]
    public let noneOf: [String]

    /// A combination rule has no patterns of its own; it fires on other rules' hits.
    public var isCombination: Bool { !allOf.isEmpty || !anyOf.isEmpty }

    init(id: String, description: String, target: RuleTarget, weight: Double, field: RuleField, phrases: [PhrasePattern],
         regexes: [NSRegularExpression], substrings: [[UInt8]], prefixes: [[UInt8]], matchesPresence: Bool, negatable: Bool, attributable: Bool,
         exceptions: [PhrasePattern], faq: Int?, suppressesFAQ: Bool, allOf: [String] = [], anyOf: [String] = [], noneOf: [String] = []) {
        self.id = id
        self.description = description
        self.target = target
        self.weight = weight
        self.field = field
        self.phrases = phrases
        self.regexes = regexes
        self.substrings = substrings
        self.prefixes = prefixes
        self.matchesPresence = matchesPresence
        self.negatable = negatable
        self.attributable = attributable
        self.exceptions = exceptions
        self.faq = faq
        self.suppressesFAQ = suppressesFAQ
        self.allOf = allOf
        self.anyOf = anyOf
        self.noneOf = noneOf
    }
}
