/// The words and phrases `CostAnswerDetector` reads a reply to a cost notice with, in folded form
/// (lower case, umlauts spelled out, apostrophes dropped: "don't" is "dont").
///
/// The cost notice asks for "Ja, einverstanden" / "Yes, I accept"; customers also write their own
/// variants, which these lists cover. Kept apart from `Config/rules.json` on purpose: an acceptance
/// starts billing, so its vocabulary is reviewed code with tests, not a tunable weight.
enum CostAnswerVocabulary {
    enum Meaning: Sendable { case accept, refuse }

    /// One phrase in `PhrasePattern` syntax. `clauseInitial` phrases count only when nothing but
    /// `prefixWords` stands before them in their clause ("Please go ahead", not "I tried to go ahead").
    struct Phrase: Sendable {
        var pattern: PhrasePattern
        var meaning: Meaning
        var clauseInitial: Bool
    }

    /// Phrases that accept. Verbs stand in the first person where another person would change the
    /// meaning ("Sie übernehmen die Kosten" asks the provider to pay; "the server rejected it" refuses nothing).
    static let acceptances: [(source: String, clauseInitial: Bool)] = [
        ("einverstanden", false),
        ("stimme .. zu", false),
        ("wir .. stimmen .. zu", false),
        ("stimmen wir .. zu", false),
        ("akzeptiere", false),
        ("wir .. akzeptieren", false),
        ("akzeptieren wir", false),
        ("beauftrage", false),
        ("uebernehme .. kosten", false),
        ("kosten .. uebernehme", false),
        ("geht in ordnung", false),
        ("in ordnung", true),
        ("beginnen|anfangen|starten|loslegen", true),
        ("fangen sie .. an", true),
        ("legen sie .. los", true),
        ("i|we|ill .. accept", false),
        ("i|we|ill .. agree", false),
        ("i|we .. approve", false),
        ("agreed|accepted|approved", true),
        ("go ahead", true),
        ("proceed", true),
        ("please|pls start|begin", true),
        ("you can|may start|begin", true),
        ("dont|not start|begin", true),
        ("ok|okay|fine to proceed", true),
        ("fine|ok|okay with .. cost*|charge*|price*|fee*", false),
    ]

    /// Phrases that refuse (a negated acceptance refuses too).
    static let refusals: [(source: String, clauseInitial: Bool)] = [
        ("nein danke|dankeschoen", false),
        ("nein vielen dank", false),
        ("lehne .. ab", false),
        ("lehnen wir .. ab", false),
        ("ich|wir .. ablehnen|ablehne", false),
        ("kein|keine|keinen|keinem|nicht kostenpflichtig*", false),
        ("verzichte", false),
        ("wir .. verzichten", false),
        ("verzichten wir", false),
        ("widerrufe", false),
        ("ich|wir .. widerrufen", false),
        ("zustimmung .. zurueck", false),
        ("zu teuer", false),
        ("no thanks|thank|thx", false),
        ("i|we .. decline|refuse|reject", false),
        ("i|we .. withdraw", false),
        ("too expensive", false),
        ("not interested", false),
    ]

    /// Every phrase, parsed once. The sources above are fixed and covered by tests, so none fails.
    static let phrases: [Phrase] = acceptances.compactMap { phrase($0.source, .accept, $0.clauseInitial) }
        + refusals.compactMap { phrase($0.source, .refuse, $0.clauseInitial) }

    private static func phrase(_ source: String, _ meaning: Meaning, _ clauseInitial: Bool) -> Phrase? {
        guard case .success(let pattern) = PhrasePattern.parse(source) else { return nil }
        return Phrase(pattern: pattern, meaning: meaning, clauseInitial: clauseInitial)
    }

    /// Turn an acceptance into a refusal when they stand in its clause ("nicht einverstanden").
    static let negators: Set<String> = [
        "nicht", "nich", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals",
        "not", "dont", "doesnt", "didnt", "cant", "cannot", "wont", "wouldnt", "never",
    ]
    /// A negator before one of these negates nothing ("kein Problem, einverstanden").
    static let harmlessAfterNegator: Set<String> = [
        "problem", "probleme", "thema", "einwand", "einwaende", "sorge", "sorgen",
        "problems", "issue", "objection", "objections", "worries", "worry",
    ]
    /// A negator after the phrase counts up to the next of these ("einverstanden und nicht vergessen…").
    static let clauseBoundaries: Set<String> = [
        "und", "aber", "dass", "weil", "da", "denn", "sondern", "doch", "jedoch", "bitte",
        "and", "but", "that", "because", "as", "so", "since", "however", "please",
    ]
    /// Make the sentence conditional or undecided: no answer can be read from it.
    static let hedges: Set<String> = [
        "wenn", "falls", "sofern", "vorausgesetzt", "bevor", "ob", "vielleicht", "eventuell", "evtl",
        "moeglicherweise", "ueberlege", "ueberlegen",
        "if", "unless", "provided", "providing", "before", "whether", "maybe", "perhaps", "might",
        "consider", "considering",
        // Caps on the work: an agent has to agree to them.
        "hoechstens", "maximal", "begrenzt", "budget", "most", "limit", "exceed",
    ]
    /// A hedge right after one of these asks for a message, not a condition ("let me know if…").
    static let harmlessBeforeHedge: Set<String> = ["know", "bescheid", "sich", "mir", "me", "us", "uns", "tell", "ask"]
    /// Short answer words that may stand before a phrase and belong to its evidence ("Ja, einverstanden").
    static let fillers: Set<String> = [
        "ja", "jawohl", "jo", "yes", "yeah", "yep", "ok", "okay", "gut", "alles", "klar", "prima", "super",
        "perfekt", "sure", "alright", "fine", "great", "perfect", "dann", "then", "so", "also", "hiermit",
        "hereby", "bitte", "please", "und", "and", "well", "danke", "vielen", "dank", "thanks", "thank",
        "gerne", "gern", "sehr",
    ]
    /// The speaker and verb of an acceptance, kept in its evidence ("Ich bin damit einverstanden").
    static let speakers: Set<String> = ["ich", "bin", "wir", "sind", "damit", "i", "we", "im", "am", "do", "hereby"]
    /// What may stand before a `clauseInitial` phrase besides fillers and negators ("Sie können gerne beginnen").
    static let prefixWords: Set<String> = [
        "sie", "koennen", "duerfen", "jetzt", "sofort", "gleich", "einfach",
        "you", "can", "may", "do", "now", "just", "right", "away",
    ]
}
