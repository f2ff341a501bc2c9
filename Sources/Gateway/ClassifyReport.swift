import Foundation
import Triage

/// How one classified file is shown: a JSON line (contracts/cli.md) or a readable explanation.
enum ClassifyReport {
    static func jsonLine(file: String, _ result: Classification) -> String {
        typealias Value = ClassifyJSON.Value
        let faq: [Value] = result.faq.map {
            .object([("id", .integer($0.id)), ("title", .string($0.title)), ("url", .string($0.url))])
        }
        let reasons: [Value] = result.reasons.map { hit in
            var fields: [(String, Value)] = [("rule", .string(hit.rule)), ("weight", .number(hit.weight)),
                                             ("evidence", .string(hit.evidence))]
            if let note = hit.note { fields.append(("note", .string(note))) }
            return .object(fields)
        }
        return ClassifyJSON.encode(.object([
            ("file", .string(file)),
            ("category", .string(result.category.rawValue)),
            ("confidence", .number(result.confidence)),
            ("needs_review", .bool(result.needsReview)),
            ("language", .string(result.language)),
            ("faq", .array(faq)),
            ("ticket_number", result.ticketNumber.map { .string($0) } ?? .null),
            ("reasons", .array(reasons)),
        ]))
    }

    static func text(file: String, _ result: Classification) -> String {
        var lines = ["\(file): \(result.category.rawValue) (confidence \(result.confidence)\(result.needsReview ? ", needs review" : ""), language \(result.language))"]
        if let number = result.ticketNumber { lines.append("  ticket: \(number)") }
        let scores = TriageCategory.allCases.compactMap { category in
            result.scores[category].map { "\(category.rawValue) \(formatted($0))" }
        }
        if !scores.isEmpty { lines.append("  scores: " + scores.joined(separator: ", ")) }
        if result.reasons.isEmpty { lines.append("  no rule matched") }
        for hit in result.reasons {
            let note = hit.note.map { " [\($0)]" } ?? ""
            lines.append("  \(formatted(hit.weight).padding(toLength: 6, withPad: " ", startingAt: 0)) \(hit.rule): \"\(hit.evidence)\"\(note)")
        }
        for link in result.faq { lines.append("  FAQ \(link.id): \(link.title) <\(link.url)>") }
        return lines.joined(separator: "\n")
    }

    private static func formatted(_ weight: Double) -> String {
        weight == weight.rounded() ? String(format: "%+.0f", weight) : String(format: "%+.1f", weight)
    }
}
