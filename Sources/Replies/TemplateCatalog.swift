/// All reply templates, per language, loaded and checked at start-up.
public struct TemplateCatalog: Sendable {
    /// German is the default: the provider is German, and an unknown language gets German.
    public static let defaultLanguage = "de"
    public static let languages = ["de", "en"]

    private let templates: [String: Template]

    /// Builds the catalogue from template sources keyed by `"<language>/<kind>"` (e.g. `de/faq-reply`).
    /// Every kind must exist in every language, and every placeholder must be known.
    public init(sources: [String: String]) throws(TemplateError) {
        var templates: [String: Template] = [:]
        for language in Self.languages {
            for kind in ReplyKind.allCases {
                let key = "\(language)/\(kind.rawValue)"
                guard let source = sources[key] else {
                    throw TemplateError(template: key, line: 0, problem: "missing (every reply kind needs a template per language)")
                }
                templates[key] = try Template(name: key, source: source, variables: kind.variables)
            }
        }
        self.templates = templates
    }

    /// The template for `kind` in `language`, falling back to German.
    public func template(_ kind: ReplyKind, language: String) -> Template {
        let lang = Self.languages.contains(language) ? language : Self.defaultLanguage
        // Every (language, kind) pair was checked in init, so this lookup cannot miss.
        return templates["\(lang)/\(kind.rawValue)"] ?? templates["\(Self.defaultLanguage)/\(kind.rawValue)"]!
    }
}
