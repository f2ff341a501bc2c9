import Foundation
import MailCore

/// Totals for `parse --stats`: what a whole mailbox export looks like to the parser.
struct ParseTotals {
    var messages = 0
    var bytes = 0
    var messagesWithDefects = 0
    var defectsByKind: [String: Int] = [:]

    mutating func add(_ message: ParsedMessage, bytes size: Int) {
        messages += 1
        bytes += size
        if !message.defects.isEmpty { messagesWithDefects += 1 }
        for defect in message.defects { defectsByKind[defect.kind, default: 0] += 1 }
    }

    func report(seconds: Double) -> String {
        var lines = [
            "messages: \(messages)",
            "bytes: \(bytes)",
            "messages with defects: \(messagesWithDefects)",
            "defects by kind:" + (defectsByKind.isEmpty ? " none" : ""),
        ]
        for (kind, count) in defectsByKind.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            lines.append("  \(kind): \(count)")
        }
        let megabytes = Double(bytes) / 1_000_000
        let rate = seconds > 0 ? String(format: "%.1f MB/s, %.0f messages/s", megabytes / seconds, Double(messages) / seconds)
                               : "n/a"
        lines.append(String(format: "time: %.3f s (%@)", seconds, rate))
        return lines.joined(separator: "\n")
    }
}
