import Foundation
@testable import Triage

/// Accuracy bookkeeping for one part of the labelled corpus, with a printable report.
struct CorpusScore {
    var name: String
    var total = 0
    var correct = 0
    /// expected category → actual category → count.
    var confusion: [TriageCategory: [TriageCategory: Int]] = [:]
    /// Standard or extended requests classified as one of the two: how many got the right one.
    var requests = 0
    var requestsRight = 0
    /// Standard mails with one expected FAQ article: how many had it first.
    var faqExpected = 0
    var faqRight = 0
    /// Automated mail that would have been answered (classified standard or extended).
    var automatedAnswered: [String] = []
    var misses: [String] = []

    mutating func add(file: String, expected: TriageCategory, expectedFAQ: Int?, result: Classification) {
        total += 1
        confusion[expected, default: [:]][result.category, default: 0] += 1
        if result.category == expected { correct += 1 } else {
            // The hits that decided, so a miss can be understood from the report alone.
            let hits = result.reasons.filter { $0.weight != 0 }.map { "\($0.rule) \($0.weight)" }.joined(separator: ", ")
            misses.append("\(file): expected \(expected.rawValue), got \(result.category.rawValue) [\(hits)]")
        }
        let isRequest: (TriageCategory) -> Bool = { $0 == .standard || $0 == .extended }
        if isRequest(expected), isRequest(result.category) {
            requests += 1
            if expected == result.category { requestsRight += 1 }
        }
        if expected == .standard, let faq = expectedFAQ, result.category == .standard {
            faqExpected += 1
            if result.faq.first?.id == faq { faqRight += 1 } else {
                misses.append("\(file): expected FAQ \(faq) first, got \(result.faq.map(\.id))")
            }
        }
        if expected == .automated, isRequest(result.category) { automatedAnswered.append(file) }
    }

    var accuracy: Double { Self.ratio(correct, total) }
    var requestAccuracy: Double { Self.ratio(requestsRight, requests) }
    var faqAccuracy: Double { Self.ratio(faqRight, faqExpected) }

    static func ratio(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 1 : Double(part) / Double(whole) }

    var report: String {
        var lines = ["== \(name): \(correct)/\(total) right (\(percent(accuracy))); standard vs extended \(requestsRight)/\(requests) (\(percent(requestAccuracy))); top FAQ \(faqRight)/\(faqExpected) (\(percent(faqAccuracy)))"]
        let categories = TriageCategory.allCases
        lines.append("expected \\ got " + categories.map { $0.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) }.joined() + "  accuracy")
        for expected in categories {
            let row = confusion[expected, default: [:]]
            let rowTotal = row.values.reduce(0, +)
            let cells = categories.map { String(row[$0, default: 0]).padding(toLength: 10, withPad: " ", startingAt: 0) }.joined()
            lines.append(expected.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0) + cells
                         + "  \(row[expected, default: 0])/\(rowTotal) \(percent(Self.ratio(row[expected, default: 0], rowTotal)))")
        }
        lines += misses.map { "  miss: \($0)" }
        return lines.joined(separator: "\n")
    }

    private func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
}
