import Foundation

/// Separates what the customer wrote in this mail from what they quoted or forwarded, their
/// signature and their disclaimer: only their own words should decide what they ask for, otherwise
/// a quoted reply of ours or a forwarded bounce would classify the mail.
struct OwnWords: Sendable {
    /// The customer's own words.
    var text: String
    /// Quoted and forwarded text (looked at only by rules that ask for it).
    var quoted: String

    /// Lines that start quoted or forwarded material ("-----Original Message-----" and friends).
    static let separatorMarkers = [
        "-----ursprüngliche nachricht", "-----original message", "----- original message", "---------- forwarded message",
        "-------- weitergeleitete nachricht", "---------- weitergeleitete nachricht", "-----weitergeleitete nachricht",
        "begin forwarded message", "anfang der weitergeleiteten nachricht", "-------- original message",
        "-------- ursprüngliche nachricht", "________________________________",
    ]
    /// Closing formulas after which only the signature follows.
    static let closings = [
        "mit freundlichen grüßen", "mit freundlichen grüssen", "mit freundlichem gruß", "mit freundlichem gruss",
        "freundliche grüße", "freundliche grüsse", "viele grüße", "viele grüsse", "beste grüße", "beste grüsse",
        "liebe grüße", "liebe grüsse", "herzliche grüße", "schöne grüße", "gruß", "gruss", "grüße", "grüsse",
        "mfg", "lg", "vg", "best regards", "kind regards", "regards", "best wishes", "cheers", "best,", "thanks,",
        "sincerely", "yours sincerely", "with kind regards", "warm regards", "many thanks,",
    ]
    /// Disclaimer and device lines: everything from here on is boilerplate.
    static let disclaimerMarkers = [
        "diese e-mail enthält vertrauliche", "diese nachricht enthält vertrauliche", "this e-mail and any attachments",
        "this email and any attachments", "confidentiality notice", "this message is confidential", "disclaimer:",
        "von meinem iphone gesendet", "gesendet von meinem", "sent from my iphone", "sent from my", "get outlook for",
        "von outlook für", "diese e-mail wurde von", "geschäftsführer:", "amtsgericht", "handelsregister",
    ]
    /// A closing formula only ends the text when its line is this short.
    static let maximumClosingLineLength = 40
    /// "Viele Grüße, Max Müller" ends the text; "Grüße aus München, unser Shop ist weg" does not.
    static let maximumNameAfterClosing = 22

    /// Markers sit at the start of a line: only this much of each line is inspected.
    static let inspectedLineLength = 120

    init(_ body: String) {
        var own: [Substring] = []
        var quoted: [Substring] = []
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        var rest = false
        while index < lines.count {
            let line = lines[index]
            if rest { quoted.append(line); index += 1; continue }
            let trimmed = line.prefix(Self.inspectedLineLength).trimmingCharacters(in: .whitespaces).lowercased()
            if trimmed.hasPrefix(">") || trimmed.hasPrefix("|>") {
                quoted.append(line)
            } else if Self.startsQuote(trimmed, lines: lines, at: index) {
                rest = true
                quoted.append(line)
            } else if trimmed == "--" || line.hasPrefix("-- ") && trimmed.count <= 3
                        || Self.isClosing(trimmed) || Self.disclaimerMarkers.contains(where: trimmed.hasPrefix) {
                // Signature, closing or disclaimer: the rest is not a request, unless a quote follows.
                var next = index + 1
                while next < lines.count {
                    let candidate = lines[next].trimmingCharacters(in: .whitespaces).lowercased()
                    if candidate.hasPrefix(">") || Self.startsQuote(candidate, lines: lines, at: next) { break }
                    next += 1
                }
                index = next
                continue
            } else {
                own.append(line)
            }
            index += 1
        }
        text = own.joined(separator: "\n")
        self.quoted = quoted.joined(separator: "\n")
    }

    private static func isClosing(_ line: String) -> Bool {
        guard line.count <= maximumClosingLineLength else { return false }
        return closings.contains { closing in
            guard line.hasPrefix(closing), line.count <= closing.count + maximumNameAfterClosing else { return false }
            let after = line.dropFirst(closing.count).first
            return after == nil || after == "," || after == " " || after == "!" || after == "."
        }
    }

    /// "Am … schrieb …:", "On … wrote:", separator lines, or an Outlook "Von:/From:" block with
    /// "Gesendet:/Sent:" right below it.
    private static func startsQuote(_ line: String, lines: [Substring], at index: Int) -> Bool {
        if separatorMarkers.contains(where: line.hasPrefix) { return true }
        if (line.hasPrefix("am ") || line.hasPrefix("on ")) && (line.contains("schrieb") || line.contains("wrote")) {
            return true
        }
        if line.hasSuffix("schrieb:") || line.hasSuffix("wrote:") || line.hasSuffix("a écrit :") { return true }
        if line.hasPrefix("von:") || line.hasPrefix("from:") {
            let window = lines[(index + 1)..<min(lines.count, index + 5)]
            return window.contains { next in
                let lower = next.trimmingCharacters(in: .whitespaces).lowercased()
                return lower.hasPrefix("gesendet:") || lower.hasPrefix("sent:") || lower.hasPrefix("datum:")
                    || lower.hasPrefix("date:") || lower.hasPrefix("an:") || lower.hasPrefix("to:")
            }
        }
        return false
    }
}
