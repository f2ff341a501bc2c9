import Foundation
import MailCore

extension TicketStoreConformance {
    /// A responder that answers every new ticket with a notice whose Message-ID names the ticket,
    /// and remembers what it was shown.
    final class RecordingResponder: Responder {
        var situations: [ReplySituation] = []
        var suppressFollowUps = true

        func respond(to situation: ReplySituation) -> ReplyDecision {
            situations.append(situation)
            if situation.isFollowUp, suppressFollowUps { return .suppress(reason: "follow-up") }
            let id = "ticket-\(situation.ticket.number).notice.\(situation.record.contentSHA256.prefix(8))@example-hosting.de"
            return .send(OutboxMessage(messageID: id, kind: "faq-reply", recipient: situation.record.replyAddress ?? "",
                                       bytes: Array("Subject: notice\r\n\r\nhello\r\n".utf8)))
        }
    }

    /// The record the intake makes of `text` (parsed, with its thread hints), as `MessageIntake` does.
    static func parsedRecord(uid: UInt32, _ text: String, classification: Classification? = nil, at offset: TimeInterval = 0)
        -> IntakeRecord {
        let raw = Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        return IntakeRecord.make(
            key: LedgerKey(mailbox: "INBOX", uidValidity: 7, uid: uid), raw: raw, size: raw.count,
            parsed: MessageParser.parse(raw), classification: classification, receivedAt: start.addingTimeInterval(offset))
    }

    static let extended = Classification(
        category: .extended, suggestedHandling: .extended, confidence: 0.9, needsReview: false, language: "de", reasons: [])

    static let responderChecks: [Check] = [
        Check(name: "the reply is queued in the ticket's commit and is due at once") { store in
            let responder = RecordingResponder()
            let outcome = try store.commitIntake(parsedRecord(uid: 1, """
                From: Kunde <kunde@example.org>
                Subject: Postfach voll
                Message-ID: <r1@example.org>

                Hilfe
                """), responder: responder)
            try expect(outcome == .ticketed(number: "1001"), "outcome \(outcome)")
            let queued = try store.replies(ticketNumber: "1001")
            try expect(queued.count == 1 && queued[0].state == .pending && queued[0].attempts == 0, "queued \(queued)")
            try expect(queued[0].message.recipient == "kunde@example.org", "recipient \(queued[0].message.recipient)")
            try expect(try store.dueReplies(at: start, limit: 10).map(\.id) == [queued[0].id], "not due at once")
            try expect(try store.events(ticketNumber: "1001").map(\.kind) == ["ticket.created", "reply.queued"],
                       "events \(try store.events(ticketNumber: "1001").map(\.kind))")
        },
        Check(name: "a mail answering one of our replies joins that ticket") { store in
            let responder = RecordingResponder()
            _ = try store.commitIntake(parsedRecord(uid: 1, """
                From: Kunde <kunde@example.org>
                Subject: Webseite weg
                Message-ID: <r1@example.org>

                Hilfe
                """), responder: responder)
            let ours = try store.replies(ticketNumber: "1001")[0].message.messageID
            let outcome = try store.commitIntake(parsedRecord(uid: 2, """
                From: Jemand Anders <anders@example.net>
                Subject: Re: Webseite weg
                Message-ID: <r2@example.net>
                In-Reply-To: <\(ours)>
                References: <r1@example.org> <\(ours)>

                Danke
                """, at: 60), responder: responder)
            try expect(outcome == .followUp(ticket: "1001"), "outcome \(outcome)")
            try expect(try store.ticketCount() == 1, "a second ticket was opened")
            try expect(try store.ticket(number: "1001")?.messageIDs == ["r1@example.org", "r2@example.net"], "messages")
            let kinds = try store.events(ticketNumber: "1001").map(\.kind)
            try expect(kinds.suffix(2) == ["message.followup", "reply.suppressed"], "events \(kinds)")
            try expect(responder.situations.last?.isFollowUp == true, "the responder was not told it is a follow-up")
            try expect(try store.replies(ticketNumber: "1001").count == 1, "a follow-up got a reply queued")
        },
        Check(name: "[Ticket#N] joins the ticket only when its customer writes") { store in
            _ = try store.commitIntake(parsedRecord(uid: 1, """
                From: Kunde <kunde@example.org>
                Subject: DNS
                Message-ID: <t1@example.org>

                Hilfe
                """), responder: nil)
            let own = try store.commitIntake(parsedRecord(uid: 2, """
                From: KUNDE <Kunde@Example.org>
                Subject: Nachtrag [Ticket#1001]
                Message-ID: <t2@example.org>

                Noch was
                """, at: 60), responder: nil)
            try expect(own == .followUp(ticket: "1001"), "the customer's own mail gave \(own)")
            let stranger = try store.commitIntake(parsedRecord(uid: 3, """
                From: Fremd <fremd@example.net>
                Subject: Nachtrag [Ticket#1001]
                Message-ID: <t3@example.net>

                Ich auch
                """, at: 120), responder: nil)
            try expect(stranger == .ticketed(number: "1002"), "a stranger's mail gave \(stranger)")
            try expect(try store.ticket(number: "1002")?.notes.contains { $0.contains("[Ticket#1001]") } == true,
                       "the new ticket does not say which ticket it mentions")
            let unknown = try store.commitIntake(parsedRecord(uid: 4, """
                From: Kunde <kunde@example.org>
                Subject: Frage [Ticket#4711]
                Message-ID: <t4@example.org>

                Hallo
                """, at: 180), responder: nil)
            try expect(unknown == .ticketed(number: "1003"), "an unknown ticket number gave \(unknown)")
        },
        Check(name: "the customer's acceptance opens an extended ticket; a refusal clears it") { store in
            _ = try store.commitIntake(parsedRecord(uid: 1, """
                From: Kunde <kunde@example.org>
                Subject: Seite gelöscht
                Message-ID: <c1@example.org>

                Bitte wiederherstellen
                """, classification: extended), responder: nil)
            try expect(try store.ticket(number: "1001")?.status == .awaitingCostAcceptance, "extended did not wait for acceptance")
            var accept = parsedRecord(uid: 2, """
                From: Kunde <kunde@example.org>
                Subject: Re: Seite gelöscht [Ticket#1001]
                Message-ID: <c2@example.org>

                Ja, einverstanden
                """, at: 60)
            accept.costAnswer = .accepted(evidence: "Ja, einverstanden")
            _ = try store.commitIntake(accept, responder: nil)
            var ticket = try store.ticket(number: "1001")
            try expect(ticket?.costAccepted == true && ticket?.status == .open, "after acceptance: \(String(describing: ticket))")
            var refuse = parsedRecord(uid: 3, """
                From: Kunde <kunde@example.org>
                Subject: Re: Seite gelöscht [Ticket#1001]
                Message-ID: <c3@example.org>

                Doch nicht
                """, at: 120)
            refuse.costAnswer = .refused(evidence: "doch nicht")
            _ = try store.commitIntake(refuse, responder: nil)
            ticket = try store.ticket(number: "1001")
            try expect(ticket?.costAccepted == false && ticket?.status == .awaitingCostAcceptance,
                       "after refusal: \(String(describing: ticket))")
            let kinds = try store.events(ticketNumber: "1001").map(\.kind)
            try expect(kinds.filter { $0.hasPrefix("cost.") } == ["cost.accepted", "cost.refused"], "events \(kinds)")
        },
        Check(name: "the responder sees the replies its recipient already got today") { store in
            let responder = RecordingResponder()
            for uid: UInt32 in 1...3 {
                _ = try store.commitIntake(parsedRecord(uid: uid, """
                    From: Kunde <Kunde@example.org>
                    Subject: Frage \(uid)
                    Message-ID: <b\(uid)@example.org>

                    Frage \(uid)
                    """, at: Double(uid) * 60), responder: responder)
            }
            try expect(responder.situations.map(\.earlierReplies.count) == [0, 1, 2],
                       "earlier replies seen: \(responder.situations.map(\.earlierReplies.count))")
        },
        Check(name: "sent, retried and parked replies are recorded and leave the due list") { store in
            let responder = RecordingResponder()
            for uid: UInt32 in 1...3 {
                _ = try store.commitIntake(parsedRecord(uid: uid, """
                    From: Kunde \(uid) <k\(uid)@example.org>
                    Subject: Frage \(uid)
                    Message-ID: <o\(uid)@example.org>

                    Frage
                    """), responder: responder)
            }
            let due = try store.dueReplies(at: start, limit: 10)
            try expect(due.count == 3, "due \(due.count)")
            try store.recordReplySent(id: due[0].id, at: start)
            try store.recordReplyFailure(id: due[1].id, error: "451 try later", retryAt: start.addingTimeInterval(60), at: start)
            try store.recordReplyFailure(id: due[2].id, error: "550 no such user", retryAt: nil, at: start)
            try expect(try store.dueReplies(at: start, limit: 10).isEmpty, "rows still due right after the attempt")
            let later = try store.dueReplies(at: start.addingTimeInterval(60), limit: 10)
            try expect(later.map(\.id) == [due[1].id] && later[0].attempts == 1 && later[0].lastError == "451 try later",
                       "the retry reads \(later)")
            try expect(try store.outboxCounts() == [.sent: 1, .pending: 1, .failed: 1], "counts \(try store.outboxCounts())")
            let parked = try store.replies(ticketNumber: "1003")
            try expect(parked.first?.state == .failed && parked.first?.lastError == "550 no such user", "parked \(parked)")
            let sent = try store.replies(ticketNumber: "1001")
            try expect(sent.first?.state == .sent && sent.first?.sentAt == start, "sent \(sent)")
            try expect(try store.outboxItems(state: .failed).map(\.id) == [due[2].id], "the parked list is wrong")
            try store.requeueReply(id: due[2].id, at: start.addingTimeInterval(120))
            let requeued = try store.dueReplies(at: start.addingTimeInterval(120), limit: 10).map(\.id)
            try expect(requeued.contains(due[2].id), "a re-queued reply is not due")
            try expect(try store.outboxItems(state: nil).first { $0.id == due[2].id }?.attempts == 0, "attempts not reset")
            do {
                try store.requeueReply(id: due[0].id, at: start)
                try expect(false, "a sent reply was queued again")
            } catch TicketStoreError.notParked {}
            do {
                try store.requeueReply(id: 999, at: start)
                try expect(false, "an unknown outbox entry was accepted")
            } catch TicketStoreError.unknownOutboxItem(999) {}
        },
    ]
}
