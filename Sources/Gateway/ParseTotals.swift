import Foundation
import MailCore

/// Totals for `parse --stats`: what a whole mailbox export looks like to the parser.
struct ParseTotals {
    var messages = 0
    var bytes = 0
    var messagesWithDefects = 0
    var defectsByKind: [String: Int] = [:]
    /// Time spent in `MessageParser.parse` alone (without reading files).
    var parseTime: Duration = .zero

    mutating func add(_ message: ParsedMessage, bytes size: Int) {
        messages += 1
        bytes += size
        if !message.defects.isEmpty { messagesWithDefects += 1 }
        for defect in message.defects { defectsByKind[defect.kind, default: 0] += 1 }
    }

    func report(total: Duration) -> String {
        var lines = [
            "messages: \(messages)",
            "bytes: \(bytes)",
            "messages with defects: \(messagesWithDefects)",
            "defects by kind:" + (defectsByKind.isEmpty ? " none" : ""),
        ]
        for (kind, count) in defectsByKind.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            lines.append("  \(kind): \(count)")
        }
        lines.append("parse time: " + rate(parseTime))
        lines.append("total time: " + rate(total))
        return lines.joined(separator: "\n")
    }

    /// Seconds, with MB/s and messages/s.
    private func rate(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        guard seconds > 0 else { return "0 s" }
        return String(format: "%.3f s (%.1f MB/s, %.0f messages/s)", seconds, Double(bytes) / 1_000_000 / seconds,
                      Double(messages) / seconds)
    }
}
