public import Foundation
public import MailCore
import Triage

extension IntakeRecord {
    /// The subject a ticket gets when the mail has none.
    public static let missingSubject = "(no subject)"

    /// Decides what to commit for one message: a new ticket from its sender and subject, or a
    /// no-ticket record when the classifier says it is automated or ignorable mail.
    public static func make(
        key: LedgerKey, raw: [UInt8], size: Int, parsed: ParsedMessage, classification: Classification?,
        receivedAt: Date
    ) -> IntakeRecord {
        let action: Action
        if let classification, classification.needsNoTicket {
            action = .ignore(reason: "classified \(classification.category.rawValue)")
        } else {
            var notes: [String] = []
            if size > raw.count {
                notes.append("message truncated: kept \(raw.count) of \(size) bytes (maxMessageBytes)")
            }
            let subject = parsed.subject?.trimmingWhitespace ?? ""
            action = .newTicket(NewTicket(
                customer: (parsed.replyTo.first ?? parsed.from.first)?.address ?? "",
                subject: subject.isEmpty ? missingSubject : subject,
                suggestedHandling: classification?.suggestedHandling,
                status: initialStatus(classification), notes: notes))
        }
        let hashes = ContentHash.hexDigests(of: raw)
        let thread = ThreadHints(parsed)
        // Only a mail that may continue a ticket can answer a cost notice.
        let costAnswer = thread.isEmpty ? nil : CostAnswerDetector().answer(in: parsed)
        return IntakeRecord(
            key: key, messageID: parsed.messageID, rawSHA256: hashes.raw, contentSHA256: hashes.content, raw: raw, size: size,
            action: action, classification: classification, receivedAt: receivedAt, thread: thread,
            costAnswer: costAnswer, parsed: parsed)
    }

    /// Where a new ticket starts (the state machine is documented on `TicketStatus`): an agent looks
    /// first when the classifier is unsure or suggests no handling; an extended request waits for
    /// the customer's cost acceptance; a standard one is `new` until an agent confirms it.
    /// Without a classifier every ticket is `new`.
    static func initialStatus(_ classification: Classification?) -> TicketStatus {
        guard let classification else { return .new }
        if classification.needsReview { return .needsReview }
        switch classification.suggestedHandling {
        case .standard: return .new
        case .extended: return .awaitingCostAcceptance
        case nil: return .needsReview
        }
    }
}
