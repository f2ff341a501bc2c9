import Foundation
import MailCore
import Testing
import Tickets
@testable import Replies

/// Which notice a mail gets, or why none (issue 5: the responder's decision, case by case).
struct ReplyPlannerTests {
    static let support = SupportIdentity(address: "support@example-hosting.de", name: "Example Hosting Support")

    static func planner() throws -> ReplyPlanner {
        ReplyPlanner(
            composer: ReplyComposer(templates: try TemplateCatalog(sources: ShippedTemplates.load()), support: support),
            loopGuard: LoopGuard(support: support), rate: ["de": "25,00 €", "en": "EUR 25.00"],
            extendedFAQURL: ["de": "https://example-hosting.de/faq/1792", "en": "https://example-hosting.de/en/faq/1792"])
    }

    static func classification(_ category: Tickets.Classification.Category, review: Bool = false, language: String = "de")
        -> Tickets.Classification {
        let handling: Handling? = category == .standard ? .standard : category == .extended ? .extended : nil
        return Tickets.Classification(
            category: category, suggestedHandling: handling, confidence: 0.9, needsReview: review, language: language,
            reasons: [], faq: [FAQReference(id: 1008, title: "Störungen", url: "https://example-hosting.de/faq/1008"),
                               FAQReference(id: 1792, title: "Erweitert", url: "https://example-hosting.de/faq/1792")])
    }

    static func situation(
        _ classification: Tickets.Classification?, headers: String = "", followUp: Bool = false,
        costAnswer: CostAnswerRule.Effect? = nil, earlier: [Date] = []
    ) -> ReplySituation {
        let raw = Array("From: Kunde <kunde@example.org>\r\nSubject: Hilfe\r\nMessage-ID: <in-1@example.org>\r\n\(headers)\r\nText\r\n".utf8)
        let record = IntakeRecord.make(
            key: LedgerKey(mailbox: "INBOX", uidValidity: 1, uid: 1), raw: raw, size: raw.count, parsed: MessageParser.parse(raw),
            classification: classification, receivedAt: Date(timeIntervalSince1970: 1_800_000_000))
        let ticket = Ticket(number: "1001", customer: "kunde@example.org", subject: "Hilfe",
                            suggestedHandling: classification?.suggestedHandling, createdAt: record.receivedAt)
        return ReplySituation(record: record, ticket: ticket, isFollowUp: followUp, recordedCostAnswer: costAnswer,
                              earlierReplies: earlier)
    }

    static func kind(_ decision: ReplyDecision) -> String? {
        if case .send(let message) = decision { return message.kind }
        return nil
    }

    @Test("new tickets: standard → faq-reply, extended → cost-notice, unsure or unclassified → received")
    func noticeKinds() throws {
        let planner = try Self.planner()
        #expect(Self.kind(planner.respond(to: Self.situation(Self.classification(.standard)))) == "faq-reply")
        #expect(Self.kind(planner.respond(to: Self.situation(Self.classification(.extended)))) == "cost-notice")
        #expect(Self.kind(planner.respond(to: Self.situation(Self.classification(.extended, review: true)))) == "received")
        #expect(Self.kind(planner.respond(to: Self.situation(Self.classification(.standard, review: true)))) == "received")
        #expect(Self.kind(planner.respond(to: Self.situation(Self.classification(.followup)))) == "received")
        #expect(Self.kind(planner.respond(to: Self.situation(nil))) == "received")
    }

    @Test("an unsure request with some machine evidence gets nothing until an agent looked; a sure one is answered")
    func machineLikeMailHeld() throws {
        let planner = try Self.planner()
        var unsure = Self.classification(.standard, review: true)
        unsure.machineEvidence = 2.5
        guard case .suppress(let reason) = planner.respond(to: Self.situation(unsure)) else {
            Issue.record("an unsure mail that reads like a notice was answered")
            return
        }
        #expect(reason.contains("automated notice"))
        var sure = Self.classification(.standard)
        sure.machineEvidence = 2.5
        #expect(Self.kind(planner.respond(to: Self.situation(sure))) == "faq-reply")
    }

    @Test("the cost notice names the rate and links FAQ 1792 once, not again in the article list")
    func costNoticeValues() throws {
        guard case .send(let message) = try Self.planner().respond(to: Self.situation(Self.classification(.extended))) else {
            Issue.record("no cost notice")
            return
        }
        let text = MessageParser.parse(message.bytes).textBody ?? ""
        #expect(text.contains("25,00 €"))
        #expect(text.components(separatedBy: "https://example-hosting.de/faq/1792").count == 2)
        #expect(text.contains("https://example-hosting.de/faq/1008"))
    }

    @Test("a follow-up gets nothing, unless it accepted the costs: then one cost-accepted notice")
    func followUps() throws {
        let planner = try Self.planner()
        guard case .suppress(let reason) = planner.respond(to: Self.situation(Self.classification(.followup), followUp: true)) else {
            Issue.record("a follow-up got a reply")
            return
        }
        #expect(reason.contains("follow-up on ticket 1001"))
        let accepted = CostAnswerRule.Effect(costAccepted: true, status: .open, event: TicketEvent(
            kind: "cost.accepted", actor: "customer", detail: "", at: Date(timeIntervalSince1970: 0)))
        let refused = CostAnswerRule.Effect(costAccepted: false, status: .awaitingCostAcceptance, event: accepted.event)
        #expect(Self.kind(planner.respond(to: Self.situation(Self.classification(.followup), followUp: true, costAnswer: accepted)))
                == "cost-accepted")
        #expect(Self.kind(planner.respond(to: Self.situation(Self.classification(.followup), followUp: true, costAnswer: refused)))
                == nil)
    }

    @Test("loop protection applies even when the classifier called it a request", arguments: [
        "Auto-Submitted: auto-replied\r\n", "Precedence: bulk\r\n", "List-Id: <kunden.example.org>\r\n",
        "Return-Path: <>\r\n", "X-Auto-Response-Suppress: OOF\r\n",
    ])
    func loopProtection(header: String) throws {
        let decision = try Self.planner().respond(to: Self.situation(Self.classification(.standard), headers: header))
        #expect(Self.kind(decision) == nil, "answered a mail with \(header)")
    }

    @Test("the per-recipient budget holds: the fourth reply in an hour is suppressed")
    func budget() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let decision = try Self.planner().respond(to: Self.situation(
            Self.classification(.standard), earlier: [now - 60, now - 120, now - 180]))
        guard case .suppress(let reason) = decision else {
            Issue.record("the budget did not hold")
            return
        }
        #expect(reason.contains("last hour"))
    }

    @Test("the reply is in the mail's language, with German for anything else")
    func language() throws {
        let planner = try Self.planner()
        for (language, greeting) in [("en", "Hello"), ("de", "Guten Tag"), ("fr", "Guten Tag")] {
            guard case .send(let message) = planner.respond(to: Self.situation(Self.classification(.standard, language: language))) else {
                Issue.record("no reply")
                continue
            }
            #expect(MessageParser.parse(message.bytes).textBody?.hasPrefix(greeting) == true, "\(language)")
        }
    }
}
