import Foundation

extension Rule {
    static let keys: Set<String> = [
        "id", "description", "category", "weight", "field", "phrases", "regex", "contains", "starts", "present", "negatable",
        "attributable", "except", "faq", "no_faq", "all_of", "any_of", "none_of",
    ]

    /// Reads one rule object; errors name the rule (or its position when the id is missing).
    static func decode(_ json: Any, position: Int) throws(RuleSetError) -> Rule {
        guard let object = json as? [String: Any] else {
            throw RuleSetError(location: "rule #\(position)", problem: "must be an object")
        }
        guard let id = object["id"] as? String, !id.isEmpty else {
            throw RuleSetError(location: "rule #\(position)", problem: "missing 'id'")
        }
        let location = "rule '\(id)'"
        func fail(_ problem: String) -> RuleSetError { RuleSetError(location: location, problem: problem) }
        for key in object.keys where !Self.keys.contains(key) {
            throw fail("unknown key '\(key)' (known: \(Self.keys.sorted().joined(separator: ", ")))")
        }
        guard let description = object["description"] as? String, !description.isEmpty else {
            throw fail("missing 'description' (say why the rule exists)")
        }
        guard let categoryName = object["category"] as? String, let target = RuleTarget(name: categoryName) else {
            throw fail("unknown category '\(object["category"] ?? "")' (known: \(RuleTarget.names.joined(separator: ", ")))")
        }
        guard let weight = JSONNumber.double(object["weight"]) ?? (target == .signal && object["weight"] == nil ? 0 : nil) else {
            throw fail("missing numeric 'weight'")
        }
        if target == .signal, weight != 0 {
            throw fail("a signal scores nothing (it only feeds combination rules): its weight must be 0 or left out")
        }
        let fieldName = object["field"] as? String ?? "text"
        guard let field = RuleField(name: fieldName) else {
            throw fail("unknown field '\(fieldName)' (known: \(RuleField.names.joined(separator: ", ")))")
        }
        let phraseSources = try Self.strings(object["phrases"], "phrases", fail)
        let regexSources = try Self.strings(object["regex"], "regex", fail)
        let exceptSources = try Self.strings(object["except"], "except", fail)
        let substrings = try Self.strings(object["contains"], "contains", fail)
        let prefixes = try Self.strings(object["starts"], "starts", fail)
        let present = object["present"] as? Bool ?? false
        let allOf = try Self.strings(object["all_of"], "all_of", fail)
        let anyOf = try Self.strings(object["any_of"], "any_of", fail)
        let noneOf = try Self.strings(object["none_of"], "none_of", fail)
        let combines = !allOf.isEmpty || !anyOf.isEmpty
        if !noneOf.isEmpty, !combines { throw fail("'none_of' needs 'all_of' or 'any_of' (what must be there)") }
        if combines, !(phraseSources + regexSources + substrings + prefixes).isEmpty || present {
            throw fail("a combination rule ('all_of', 'any_of') has no patterns of its own")
        }
        if !phraseSources.isEmpty, !field.isWordText {
            throw fail("'phrases' need a word field (subject, body, text, quoted), not '\(fieldName)'")
        }
        if !regexSources.isEmpty || !substrings.isEmpty || !prefixes.isEmpty, field.isWordText, field != .subject {
            throw fail("'regex', 'contains' and 'starts' apply to subject, from, content_type and header fields only (use 'phrases')")
        }
        if (substrings + prefixes).contains(where: \.isEmpty) { throw fail("'contains' or 'starts' has an empty string") }
        if present, !(field.isHeader) { throw fail("'present' applies to header fields only") }
        if phraseSources.isEmpty, regexSources.isEmpty, substrings.isEmpty, prefixes.isEmpty, !present, !combines {
            throw fail("needs 'phrases', 'regex', 'contains', 'starts', 'present', 'all_of' or 'any_of'")
        }
        if target == .negation || target == .attribution, field != .text {
            throw fail("modifiers (negation, attribution) work on field 'text'")
        }
        var phrases: [PhrasePattern] = []
        for source in phraseSources {
            switch PhrasePattern.parse(source) {
            case .success(let pattern): phrases.append(pattern)
            case .failure(let error): throw fail("bad phrase '\(source)': \(error.message)")
            }
        }
        var exceptions: [PhrasePattern] = []
        for source in exceptSources {
            switch PhrasePattern.parse(source) {
            case .success(let pattern): exceptions.append(pattern)
            case .failure(let error): throw fail("bad exception phrase '\(source)': \(error.message)")
            }
        }
        var regexes: [NSRegularExpression] = []
        for source in regexSources {
            guard (try? NSRegularExpression(pattern: source, options: [.caseInsensitive])) != nil else {
                throw fail("bad regex '\(source)'")
            }
        }
        // One alternation instead of several expressions: one call per field and mail.
        if !regexSources.isEmpty {
            let combined = regexSources.map { "(?:\($0))" }.joined(separator: "|")
            guard let regex = try? NSRegularExpression(pattern: combined, options: [.caseInsensitive]) else {
                throw fail("the regex list does not combine into one expression")
            }
            regexes.append(regex)
        }
        var faq: Int?
        if let value = object["faq"] {
            guard let number = JSONNumber.integer(value) else { throw fail("'faq' must be an article id") }
            faq = number
        }
        return Rule(id: id, description: description, target: target, weight: weight, field: field,
                  phrases: phrases, regexes: regexes, substrings: substrings.map { Array($0.lowercased().utf8) },
                  prefixes: prefixes.map { Array($0.lowercased().utf8) },
                  matchesPresence: present,
                  negatable: object["negatable"] as? Bool ?? false, attributable: object["attributable"] as? Bool ?? false,
                  exceptions: exceptions, faq: faq, suppressesFAQ: object["no_faq"] as? Bool ?? false,
                  allOf: allOf, anyOf: anyOf, noneOf: noneOf)
    }

    private static func strings(_ value: Any?, _ key: String, _ fail: (String) -> RuleSetError) throws(RuleSetError) -> [String] {
        guard let value else { return [] }
        guard let list = value as? [String] else { throw fail("'\(key)' must be a list of strings") }
        return list
    }
}

extension RuleField {
    var isHeader: Bool {
        if case .header = self { return true }
        return false
    }
}
