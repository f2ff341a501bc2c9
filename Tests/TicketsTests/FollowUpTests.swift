import Foundation
import MailCore
import Testing
import Tickets

/// The pure follow-up and cost-answer rules (issue 5, item 5).
struct FollowUpTests {
    @Test("the ticket tag is found however clients write it", arguments: [
        ("Re: Webseite weg [Ticket#1042]", "1042"), ("AW: [ticket#7] Frage", "7"), ("[TICKET # 1001] x", "1001"),
        ("Ticket#1042 ohne Klammern", nil), ("[Ticket#] leer", nil), ("[Ticket#12a]", nil),
        ("[Ticket#1234567890123] zu lang", nil), ("", nil),
    ] as [(String, String?)])
    func ticketTag(subject: String, number: String?) {
        #expect(ThreadHints.ticketTag(in: subject) == number)
    }

    @Test("hints carry In-Reply-To first, then References newest first, and the sender's addresses")
    func hints() {
        let parsed = MessageParser.parse(Array("""
            From: Kunde <Kunde@Example.org>\r
            Reply-To: other@example.org\r
            Subject: Re: x [Ticket#5]\r
            In-Reply-To: <c@x>\r
            References: <a@x> <b@x> <c@x>\r
            \r
            hi\r

            """.utf8))
        let hints = ThreadHints(parsed)
        #expect(hints.referencedMessageIDs == ["c@x", "b@x", "a@x"])
        #expect(hints.mentionedTicket == "5")
        #expect(hints.senders == ["kunde@example.org", "other@example.org"])
    }

    static let ticket = FollowUpRule.Candidate(number: "1001", customer: "kunde@example.org")

    @Test("a reference to our reply wins; a tag needs the ticket's customer")
    func decide() {
        let fromCustomer = ThreadHints(mentionedTicket: "1001", senders: ["kunde@example.org"])
        let fromStranger = ThreadHints(mentionedTicket: "1001", senders: ["fremd@example.net"])
        #expect(FollowUpRule.decide(fromStranger, byReference: Self.ticket, byNumber: nil)
                == .join(ticket: "1001", reason: "answers our reply on ticket 1001"))
        #expect(FollowUpRule.decide(fromCustomer, byReference: nil, byNumber: Self.ticket)
                == .join(ticket: "1001", reason: "[Ticket#1001] from the ticket's customer"))
        guard case .newTicket(let note?) = FollowUpRule.decide(fromStranger, byReference: nil, byNumber: Self.ticket) else {
            Issue.record("a stranger joined the ticket")
            return
        }
        #expect(note.contains("not that ticket's customer"))
        guard case .newTicket(let missing?) = FollowUpRule.decide(fromCustomer, byReference: nil, byNumber: nil) else {
            Issue.record("an unknown ticket was joined")
            return
        }
        #expect(missing.contains("does not exist"))
        #expect(FollowUpRule.decide(ThreadHints(), byReference: nil, byNumber: nil) == .newTicket(note: nil))
    }

    static func extendedTicket(status: TicketStatus, accepted: Bool?, handling: Handling = .extended) -> Ticket {
        Ticket(number: "1001", status: status, customer: "k@x", subject: "s", suggestedHandling: handling,
               costAccepted: accepted, createdAt: Date(timeIntervalSince1970: 0))
    }

    @Test("acceptance opens a waiting extended ticket; refusal sends an open one back; repeats and standard tickets change nothing")
    func costAnswers() {
        let now = Date(timeIntervalSince1970: 100)
        let accepted = CostAnswerRule.effect(
            of: .accepted(evidence: "Ja"), on: Self.extendedTicket(status: .awaitingCostAcceptance, accepted: nil), at: now)
        #expect(accepted?.costAccepted == true && accepted?.status == .open && accepted?.event.kind == "cost.accepted")
        let inReview = CostAnswerRule.effect(
            of: .accepted(evidence: "Ja"), on: Self.extendedTicket(status: .needsReview, accepted: nil), at: now)
        #expect(inReview?.status == .needsReview, "acceptance must not skip the agent's review")
        let refused = CostAnswerRule.effect(
            of: .refused(evidence: "Nein"), on: Self.extendedTicket(status: .open, accepted: true), at: now)
        #expect(refused?.costAccepted == false && refused?.status == .awaitingCostAcceptance)
        #expect(CostAnswerRule.effect(
            of: .accepted(evidence: "Ja"), on: Self.extendedTicket(status: .open, accepted: true), at: now) == nil)
        #expect(CostAnswerRule.effect(
            of: .accepted(evidence: "Ja"), on: Self.extendedTicket(status: .new, accepted: nil, handling: .standard), at: now) == nil)
    }
}
