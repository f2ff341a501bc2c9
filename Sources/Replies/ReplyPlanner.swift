public import Foundation
public import Tickets
import MailCore

/// The responder the intake asks inside each ticket's transaction: which notice a mail gets, or
/// why it gets none (issue 5). Pure: templates, loop protection and the billing texts come in at
/// construction, the situation from the store.
///
/// - new ticket, standard and sure → `faq-reply`; extended and sure → `cost-notice`; unsure, no
///   handling suggested (an unmatched follow-up) or no classifier → `received`, so that nobody
///   mentions costs before an agent has decided; but nothing at all for an unsure mail with some
///   machine evidence (it may be a notice: a missing receipt costs less than a mail loop);
/// - follow-up → nothing (an agent answers), except the customer's acceptance of costs, which is
///   confirmed once with `cost-accepted`;
/// - and never past `LoopGuard`: automated or bulk mail, machines, ourselves, the hourly/daily budget.
public struct ReplyPlanner: Responder, Sendable {
    public var composer: ReplyComposer
    public var loopGuard: LoopGuard
    /// The rate per started quarter hour, per language (`25,00 €`, `EUR 25.00`).
    public var rate: [String: String]
    /// The FAQ article on extended support (1792), per language.
    public var extendedFAQURL: [String: String]

    public init(composer: ReplyComposer, loopGuard: LoopGuard, rate: [String: String], extendedFAQURL: [String: String]) {
        self.composer = composer
        self.loopGuard = loopGuard
        self.rate = rate
        self.extendedFAQURL = extendedFAQURL
    }

    public func respond(to situation: ReplySituation) -> ReplyDecision {
        let record = situation.record
        guard let parsed = record.parsed else { return .suppress(reason: "the mail could not be read for a reply") }
        let kind: ReplyKind
        if situation.isFollowUp {
            guard situation.recordedCostAnswer?.costAccepted == true else {
                return .suppress(reason: "follow-up on ticket \(situation.ticket.number): no automatic reply")
            }
            kind = .costAccepted
        } else {
            if let classification = record.classification, classification.needsReview, classification.machineEvidence > 0 {
                return .suppress(reason: "the mail reads partly like an automated notice (machine evidence "
                    + "\(classification.machineEvidence)): an agent looks before anything is sent")
            }
            kind = Self.kind(for: record.classification)
        }
        let recipient = record.replyAddress ?? ""
        if let reason = loopGuard.suppressionReason(LoopGuard.Situation(
            category: record.classification?.category.rawValue ?? "standard", recipient: recipient,
            inboundMessageID: parsed.messageID, autoSubmitted: parsed.autoSubmitted, precedence: parsed.precedence,
            hasListHeaders: parsed.header("List-Id") != nil || parsed.header("List-Unsubscribe") != nil,
            autoResponseSuppress: parsed.header("X-Auto-Response-Suppress"), returnPath: parsed.header("Return-Path"),
            earlierReplies: situation.earlierReplies, now: record.receivedAt)) {
            return .suppress(reason: reason)
        }
        let language = record.classification?.language ?? TemplateCatalog.defaultLanguage
        let mail = composer.compose(ReplyRequest(
            kind: kind, ticketNumber: situation.ticket.number, language: language, recipient: recipient,
            recipientName: (parsed.replyTo.first ?? parsed.from.first)?.name ?? "",
            originalSubject: situation.ticket.subject, inReplyTo: parsed.messageID, references: parsed.references,
            inboundKey: record.contentSHA256,
            values: values(kind, language: language, faq: record.classification?.faq ?? [], acceptedVia: .mail),
            date: record.receivedAt))
        return .send(OutboxMessage(messageID: mail.messageID, kind: kind.rawValue, recipient: mail.recipient, bytes: mail.bytes))
    }

    /// A notice outside the intake (an agent's decision, issue 6): the same templates and values,
    /// threaded to the ticket's latest inbound mail `inReplyTo`; `key` makes the Message-ID unique
    /// per decision (an event or acceptance id), so queuing it twice is a no-op.
    public func notice(
        _ kind: ReplyKind, ticket: Ticket, language: String, recipient: String, recipientName: String = "",
        inReplyTo: String?, references: [String], key: String, date: Date, acceptedVia: AcceptanceChannel? = nil
    ) -> OutboxMessage {
        var values = values(kind, language: language, faq: [], acceptedVia: acceptedVia ?? .mail)
        if kind == .handlingChanged {
            values["handling"] = .text(ticket.handling?.rawValue ?? "")
            values["is_extended"] = .flag(ticket.handling == .extended)
        }
        let mail = composer.compose(ReplyRequest(
            kind: kind, ticketNumber: ticket.number, language: language, recipient: recipient,
            recipientName: recipientName, originalSubject: ticket.subject, inReplyTo: inReplyTo, references: references,
            inboundKey: key, values: values, date: date))
        return OutboxMessage(messageID: mail.messageID, kind: kind.rawValue, recipient: mail.recipient, bytes: mail.bytes)
    }

    /// How the customer accepted, in the notice's words.
    static func channelName(_ channel: AcceptanceChannel, language: String) -> String {
        switch (channel, language) {
        case (.mail, "de"): "per E-Mail"
        case (.phone, "de"): "telefonisch"
        case (.mail, _): "by email"
        case (.phone, _): "by phone"
        }
    }

    /// The notice a new ticket gets.
    static func kind(for classification: Classification?) -> ReplyKind {
        guard let classification, !classification.needsReview else { return .received }
        switch classification.suggestedHandling {
        case .standard: return .faqReply
        case .extended: return .costNotice
        case nil: return .received
        }
    }

    private func values(_ kind: ReplyKind, language: String, faq: [FAQReference], acceptedVia: AcceptanceChannel)
        -> [String: TemplateValue] {
        let lang = TemplateCatalog.languages.contains(language) ? language : TemplateCatalog.defaultLanguage
        // The cost notice links the extended-support article in its text already; no second time in the list.
        let listed = kind == .costNotice ? faq.filter { $0.url != extendedFAQURL[lang] } : faq
        let links = TemplateValue.list(listed.map { ["id": String($0.id), "title": $0.title, "url": $0.url] })
        let rateText = TemplateValue.text(rate[lang] ?? "")
        switch kind {
        case .faqReply: return ["faq": links]
        case .costNotice: return ["faq": links, "rate": rateText, "extended_faq_url": .text(extendedFAQURL[lang] ?? "")]
        case .received: return [:]
        case .costAccepted: return ["rate": rateText, "accepted_via": .text(Self.channelName(acceptedVia, language: lang))]
        case .handlingChanged: return ["rate": rateText, "extended_faq_url": .text(extendedFAQURL[lang] ?? "")]
        }
    }
}
