import Foundation

/// Decides the category from the summed scores, in the policy's order, and says how sure it is.
///
/// Confidence is `0.5 + 0.5·tanh(margin / 2)`, where the margin is how far the winning evidence
/// clears both its threshold and its strongest rival: at the threshold 0.5, two points clear 0.88.
struct Verdict {
    /// A new request without any standard or extended evidence is a guess: this confident at most.
    static let unsupportedConfidence = 0.45
    /// A `[Ticket#N]` tag in the subject is nearly certain; a number cited in the body less so.
    static let subjectTagMargin = 4.0

    var category: TriageCategory
    var confidence: Double
    var needsReview: Bool

    /// `machineEvidence` is the sum of the positive automated hits alone: a mail whose notice
    /// wording a person's question or counter-evidence outweighed still looked like a machine.
    init(scores: [TriageCategory: Double], machineEvidence: Double, ticketNumber: String?, thresholds: Thresholds) {
        let automated = scores[.automated, default: 0]
        let ignore = scores[.ignore, default: 0]
        let followup = scores[.followup, default: 0]
        let standard = scores[.standard, default: 0]
        let extended = scores[.extended, default: 0]
        let margin: Double
        var doubtful = false
        // Both no-reply categories: strong bulk evidence (a newsletter from a no-reply sender) makes it ignore.
        if automated >= thresholds.automated, automated >= ignore || ignore < thresholds.ignore {
            category = .automated
            margin = automated - thresholds.automated + 1
        } else if ticketNumber == nil, ignore >= thresholds.ignoreDecisive
                    || ignore >= thresholds.ignore && ignore > standard + extended {
            category = .ignore
            margin = min(ignore - thresholds.ignore + 1, ignore - standard - extended)
        } else if ticketNumber != nil {
            category = .followup
            margin = min(followup, Self.subjectTagMargin) - automated
        } else if extended >= thresholds.extended, extended + thresholds.standardLead >= standard {
            category = .extended
            margin = min(extended - thresholds.extended + 1, extended + thresholds.standardLead - standard)
            // Real evidence both ways: a mixed request is extended, but a person should look.
            doubtful = standard >= thresholds.extended - thresholds.reviewMargin
        } else {
            category = .standard
            if extended >= thresholds.extended {
                margin = standard - extended - thresholds.standardLead
            } else {
                // Thin standard evidence (one weak topic word, or none) is a guess, not a finding.
                margin = min(thresholds.extended - extended, standard - thresholds.reviewMargin)
            }
            doubtful = standard == 0 && extended == 0
        }
        // Some automated evidence, not enough to be sure or outweighed by a person's words: never
        // answer what may be a machine without a look (a reply to a notice starts a loop).
        if category != .automated, automated > 0 || machineEvidence > 0 { doubtful = true }
        var confidence = 0.5 + 0.5 * tanh(margin / 2)
        if category == .standard, standard == 0 { confidence = min(confidence, Self.unsupportedConfidence) }
        self.confidence = (max(0, min(1, confidence)) * 100).rounded() / 100
        needsReview = doubtful || margin < thresholds.reviewMargin
    }
}
