import Foundation
internal import Glibc
import MailCore

/// Turns pattern matches into rule hits: one per rule, the first match that no negation or
/// provider-attribution cue cancels. A rule whose every match was cancelled is kept with weight 0
/// and a note, so the explanation shows what was considered and why it did not count.
struct HitCollector {
    /// A negation cue counts this many words before a match...
    static let negationWordsBefore = 4
    /// ...and this many after it ("gelöscht habe ich nichts").
    static let negationWordsAfter = 2
    /// Longest evidence quoted from a header.
    static let maximumEvidenceLength = 100

    let rules: [Rule]
    /// Hits with their rule's index, unordered: a mail fires a handful of rules, and a linear
    /// search over them is cheaper than hashing into a dictionary.
    private(set) var hits: [(rule: Int, hit: RuleHit)]
    /// Room reserved for hits up front (a mail rarely fires more rules).
    static let expectedHits = 12
    private(set) var ticketNumber: String?

    /// The rules that look at header-like fields rather than words.
    let fieldRules: [Int]

    /// By rule index: which of the wanted header names (`headerNames(_:).names`) the rule looks at, or -1.
    let headerOfRule: [Int]

    init(rules: [Rule], fieldRules: [Int], headerOfRule: [Int]) {
        self.rules = rules
        self.fieldRules = fieldRules
        self.headerOfRule = headerOfRule
        hits = []
        hits.reserveCapacity(Self.expectedHits)
    }

    /// The distinct header names the rules look at, as UTF-8, and for each rule the index of its
    /// name among them (-1 for rules over other fields). Prepared once per rule set.
    static func headerNames(_ rules: [Rule]) -> (names: [[UInt8]], ofRule: [Int]) {
        var names: [[UInt8]] = []
        let ofRule = rules.map { rule -> Int in
            guard case .header(let name) = rule.field else { return -1 }
            let bytes = Array(name.utf8)
            // Names equal but for case are one name: a header then reaches every rule that wants it.
            if let known = names.firstIndex(where: { $0.count == bytes.count && zip($0, bytes).allSatisfy { $0 | 0x20 == $1 | 0x20 } }) {
                return known
            }
            names.append(bytes)
            return names.count - 1
        }
        return (names, ofRule)
    }

    mutating func collectWords(_ text: TokenizedText, _ scan: WordScan) {
        let rules = self.rules
        // Cue positions only; their words are quoted when a cue actually cancels a hit.
        var negations: [(start: Int, end: Int, clause: Int)] = []
        var attributions: [Int: Range<Int>] = [:]
        for found in scan.found where found.rule < rules.count {
            let rule = rules[found.rule]
            let start = found.match.start
            switch rule.target {
            case .negation:
                if rule.exceptions.contains(where: { text.match($0, at: start) != nil }) { continue }
                negations.append((start, found.match.end, text.tokens[start].clause))
            case .attribution:
                let clause = text.tokens[start].clause
                if attributions[clause] == nil { attributions[clause] = start..<found.match.end }
            case .category, .signal:
                continue
            }
        }
        for found in scan.found where found.rule < rules.count {
            let rule = rules[found.rule]
            let category: TriageCategory?
            switch rule.target {
            case .category(let scored): category = scored
            case .signal: category = nil
            case .negation, .attribution: continue
            }
            let existing = hits.firstIndex { $0.rule == found.rule }
            if let existing, hits[existing].hit.note == nil { continue }
            let match = found.match
            let clause = text.tokens[match.start].clause
            var note: String?
            // A cue on the first or last word of a match is the phrase's own word ("keine Mails .. senden").
            if rule.negatable, let cue = negations.first(where: {
                $0.clause == clause && $0.start >= match.start - Self.negationWordsBefore
                    && $0.start < match.end + Self.negationWordsAfter
                    && $0.start != match.start && $0.end != match.end
            }) {
                note = "negated by '\(text.evidence(from: cue.start, to: cue.end))'"
            } else if rule.attributable, let cue = attributions[clause] {
                note = "attributed to the provider by '\(text.evidence(from: cue.lowerBound, to: cue.upperBound))'"
            } else if let exception = Self.exception(rule, in: text, sentenceOf: match.start) {
                note = "does not apply because of '\(exception)'"
            }
            if note == nil, category == .followup, let number = match.number, ticketNumber == nil { ticketNumber = number }
            if note != nil, existing != nil { continue }
            let hit = RuleHit(rule: rule.id, target: rule.target, weight: note == nil ? rule.weight : 0,
                              evidence: text.evidence(from: match.start, to: match.end), note: note)
            if let existing { hits[existing].hit = hit } else { hits.append((found.rule, hit)) }
        }
    }

    /// For a category rule with `except` phrases: the first of them found in the match's sentence.
    private static func exception(_ rule: Rule, in text: TokenizedText, sentenceOf index: Int) -> String? {
        guard !rule.exceptions.isEmpty else { return nil }
        let sentence = text.tokens[index].sentence
        var start = index
        while start > 0, text.tokens[start - 1].sentence == sentence { start -= 1 }
        var position = start
        while position < text.count, text.tokens[position].sentence == sentence {
            let leading = PatternProgram.firstByteBit(text.bytes[text.tokens[position].start])
            for pattern in rule.exceptions where pattern.leadingBytes & leading != 0 {
                if let found = text.match(pattern, at: position) { return text.evidence(from: found.start, to: found.end) }
            }
            position += 1
        }
        return nil
    }

    /// Regular-expression and presence rules over subject, sender, content types and headers.
    mutating func collectFields(_ features: MessageFeatures) {
        // A local copy of the list: its rules are then borrowed, not retained, while hits are recorded.
        let rules = self.rules
        for index in fieldRules {
            let rule = rules[index]
            let header = index < headerOfRule.count ? headerOfRule[index] : -1
            if header >= 0 {
                // The rule's header, every occurrence in message order.
                for field in features.wantedFields where field.name == header {
                    if rule.matchesPresence, case .header(let name) = rule.field {
                        record(index, evidence: "\(name): \(field.value)", number: nil)
                        break
                    }
                    if collect(index, rule, field.lowered, field.value) { break }
                }
                continue
            }
            switch rule.field {
            case .subject: collect(index, rule, features.loweredSubject, features.rawSubject)
            case .from: collect(index, rule, features.loweredFrom, features.from)
            case .contentType: collect(index, rule, features.loweredContentTypes, features.contentTypes)
            case .header, .body, .text, .quoted: continue
            }
        }
    }

    /// Tries the rule's prefixes, substrings and regexes on one field value (`lowered` is its
    /// ASCII-lower-case UTF-8); records the first that matches and says whether one did.
    @discardableResult
    private mutating func collect(_ index: Int, _ rule: Rule, _ lowered: [UInt8], _ value: String) -> Bool {
        guard !lowered.isEmpty else { return false }
        if !rule.prefixes.isEmpty, let found = Self.firstPrefix(rule.prefixes, of: lowered) {
            record(index, evidence: found, number: nil)
            return true
        }
        if !rule.substrings.isEmpty, let found = Self.firstSubstring(rule.substrings, in: lowered) {
            record(index, evidence: found, number: nil)
            return true
        }
        if !rule.regexes.isEmpty, let (evidence, number) = Self.firstMatch(rule.regexes, in: value) {
            record(index, evidence: evidence, number: number)
            return true
        }
        return false
    }

    private mutating func record(_ index: Int, evidence: String, number: String?) {
        let rule = rules[index]
        store(index, RuleHit(rule: rule.id, target: rule.target, weight: rule.weight,
                             evidence: evidence.utf8.count <= Self.maximumEvidenceLength ? evidence
                                 : String(evidence.prefix(Self.maximumEvidenceLength)), note: nil))
        if rule.target == .category(.followup), let number, ticketNumber == nil { ticketNumber = number }
    }

    /// The first of the lower-case `prefixes` that the lower-cased value starts with, blanks skipped.
    private static func firstPrefix(_ prefixes: [[UInt8]], of lowered: [UInt8]) -> String? {
        var start = 0
        while start < lowered.count, lowered[start] == 0x20 || lowered[start] == 0x09 { start += 1 }
        for prefix in prefixes where lowered.count - start >= prefix.count {
            if lowered[start..<(start + prefix.count)].elementsEqual(prefix) {
                return String(decoding: prefix, as: UTF8.self)
            }
        }
        return nil
    }

    /// The first of the lower-case `substrings` found in the lower-cased value (C's `memchr` and
    /// `memcmp`: these rules run on every mail).
    private static func firstSubstring(_ substrings: [[UInt8]], in haystack: [UInt8]) -> String? {
        haystack.withUnsafeBufferPointer { haystack in
            guard let base = haystack.baseAddress else { return nil }
            for needle in substrings where !needle.isEmpty && needle.count <= haystack.count {
                let found = needle.withUnsafeBufferPointer { needle -> Bool in
                    guard let first = needle.first, let needleBase = needle.baseAddress else { return false }
                    var start = 0
                    while start + needle.count <= haystack.count,
                          let hit = memchr(base + start, Int32(first), haystack.count - needle.count - start + 1) {
                        let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                        if memcmp(base + offset, needleBase, needle.count) == 0 { return true }
                        start = offset + 1
                    }
                    return false
                }
                if found { return String(decoding: needle, as: UTF8.self) }
            }
            return nil
        }
    }

    /// The matched text and, when the regex has a capture group that matched digits, that number.
    private static func firstMatch(_ regexes: [NSRegularExpression], in value: String) -> (String, String?)? {
        let range = NSRange(value.startIndex..., in: value)
        for regex in regexes {
            guard let result = regex.firstMatch(in: value, range: range),
                  let matched = Range(result.range, in: value) else { continue }
            var number: String?
            for group in 1..<max(1, result.numberOfRanges) {
                if let range = Range(result.range(at: group), in: value) {
                    number = String(value[range])
                    break
                }
            }
            return (String(value[matched]), number)
        }
        return nil
    }

    /// The hits in rule-file order.
    var orderedHits: [(rule: Int, hit: RuleHit)] { hits.sorted { $0.rule < $1.rule } }

    mutating func store(_ rule: Int, _ hit: RuleHit) {
        if let index = hits.firstIndex(where: { $0.rule == rule }) {
            hits[index].hit = hit
        } else {
            hits.append((rule, hit))
        }
    }
}
