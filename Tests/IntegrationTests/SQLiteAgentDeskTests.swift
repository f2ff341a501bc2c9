import Foundation
import Testing
import TicketStoreSQLite
import Tickets

/// The SQLite store's `AgentDesk` directly, with chosen times: what the binary tests cannot set up
/// (time across a month end, the notice's threading, a failed composition).
struct SQLiteAgentDeskTests {
    static let november = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T11:06Z

    final class Seeded {
        let folder: URL
        let store: SQLiteTicketStore

        /// Tickets 1001 (extended, sure) and 1002 (standard, sure) from kunde1/kunde2.
        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("agent-desk-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            store = try SQLiteTicketStore(path: folder.appendingPathComponent("t.sqlite").path)
            let clock = ManualClock(SQLiteAgentDeskTests.november)
            let intake = MessageIntake(store: store, clock: clock, log: InMemoryLogSink(), classify: { parsed in
                let extended = parsed.subject?.contains("vServer") == true
                return Classification(
                    category: extended ? .extended : .standard, suggestedHandling: extended ? .extended : .standard,
                    confidence: 0.9, needsReview: false, language: "de",
                    reasons: [ClassificationReason(rule: extended ? "rented_server" : "trivial_self_inflicted", weight: 2,
                                                   evidence: "x")])
            }, maxAttempts: 3)
            for (uid, subject) in [(UInt32(1), "vServer einrichten"), (2, "Postfach voll")] {
                let raw = Array("From: Kunde \(uid) <kunde\(uid)@example.org>\r\nSubject: \(subject)\r\nMessage-ID: <in\(uid)@example.org>\r\n\r\nText\r\n".utf8)
                _ = try store.commitIntake(try intake.record(key: LedgerKey(mailbox: "INBOX", uidValidity: 1, uid: uid), raw: raw, size: raw.count))
            }
        }

        deinit {
            try? store.close()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    static func month(_ text: String) throws -> BillingMonth { try BillingMonth(text) }
    static let berlin = TimeZone(identifier: "Europe/Berlin") ?? .current
    static let utc = TimeZone(identifier: "UTC") ?? .current

    @Test("an override composes the notice in reply to the customer's mail and queues it with the decision")
    func overrideQueuesNotice() throws {
        let seeded = try Seeded()
        var requests: [NoticeRequest] = []
        let outcome = try seeded.store.confirm(
            HandlingDecision(ticketNumber: "1002", handling: .extended, agent: "bob", note: "Migration", at: Self.november)
        ) { request in
            requests.append(request)
            return OutboxMessage(messageID: "notice-1002@example-hosting.de", kind: request.notice.rawValue,
                                 recipient: request.ticket.customer, bytes: Array("Subject: x\r\n\r\ny\r\n".utf8))
        }
        #expect(outcome.queued?.kind == "cost-notice")
        let request = try #require(requests.first)
        #expect(requests.count == 1)
        #expect(request.inReplyTo == "in2@example.org" && request.references == ["in2@example.org"])
        #expect(request.recipientName == "Kunde 2" && request.language == "de")
        #expect(request.ticket.confirmedHandling == .extended && request.ticket.status == .awaitingCostAcceptance)
        let replies = try seeded.store.replies(ticketNumber: "1002")
        #expect(replies.map(\.message.messageID) == ["notice-1002@example-hosting.de"])
        #expect(try seeded.store.auditTrail(ticketNumber: "1002").map(\.event.kind).suffix(2) == ["handling.overridden", "reply.queued"])
    }

    @Test("without replies configured the decision stands and the history says why no notice went out")
    func noticeOff() throws {
        let seeded = try Seeded()
        let outcome = try seeded.store.confirm(
            HandlingDecision(ticketNumber: "1001", handling: .standard, agent: "bob", note: nil, at: Self.november)) { _ in nil }
        #expect(outcome.queued == nil && outcome.confirmation.notice == .handlingChanged)
        #expect(outcome.noticeSkipped?.contains("no smtp section") == true)
        let last = try #require(try seeded.store.auditTrail(ticketNumber: "1001").last)
        #expect(last.event.kind == "reply.suppressed" && last.event.detail.contains("handling-changed not queued"))
        #expect(try seeded.store.ticket(number: "1001")?.status == .open)
    }

    @Test("time across a month end: each month bills the quarter hours started in it, the sum is the ticket's")
    func monthAttribution() throws {
        let seeded = try Seeded()
        _ = try seeded.store.acceptCosts(AgentCostAcceptance(ticketNumber: "1001", via: .phone, agent: "bob", note: nil,
                                                             at: Self.november)) { _ in nil }
        let november30 = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-30T00:53Z
        let december3 = november30.addingTimeInterval(3 * 86_400)
        for (minutes, at) in [(7, november30), (7, december3), (10, december3)] {
            _ = try seeded.store.logTime(TimeEntryRequest(ticketNumber: "1001", minutes: minutes, agent: "bob", note: nil,
                                                          force: false, at: at))
        }
        let novemberReport = try BillingReport(month: Self.month("2026-11"), work: try seeded.store.billingWork(month: Self.month("2026-11"), timeZone: Self.berlin),
                                               rateCents: 2500, currency: "EUR")
        let decemberWork = try seeded.store.billingWork(month: Self.month("2026-12"), timeZone: Self.berlin)
        #expect(decemberWork == [BillingWork(customer: "kunde1@example.org", ticketNumber: "1001", subject: "vServer einrichten",
                                             minutesInMonth: 17, minutesBefore: 7)])
        let decemberReport = try BillingReport(month: Self.month("2026-12"), work: decemberWork, rateCents: 2500, currency: "EUR")
        #expect(novemberReport.quarterHours == 1 && decemberReport.quarterHours == 1)
        #expect(try seeded.store.billableQuarterHours(ticketNumbers: ["1001"]) == ["1001": 2])
        #expect(try seeded.store.billingWork(month: Self.month("2027-01"), timeZone: Self.berlin).isEmpty)
    }

    @Test("work logged at 00:30 on 1 December in Berlin bills in December there, in November in UTC")
    func monthInTimeZone() throws {
        let seeded = try Seeded()
        _ = try seeded.store.acceptCosts(AgentCostAcceptance(ticketNumber: "1001", via: .phone, agent: "bob", note: nil,
                                                             at: Self.november)) { _ in nil }
        let berlinMidnightPlusHalf = Date(timeIntervalSince1970: 1_796_081_400)  // 2026-11-30T23:30Z = 2026-12-01 00:30 CET
        _ = try seeded.store.logTime(TimeEntryRequest(ticketNumber: "1001", minutes: 20, agent: "bob", note: nil, force: false,
                                                      at: berlinMidnightPlusHalf))
        let inDecember = [BillingWork(customer: "kunde1@example.org", ticketNumber: "1001", subject: "vServer einrichten",
                                      minutesInMonth: 20, minutesBefore: 0)]
        #expect(try seeded.store.billingWork(month: Self.month("2026-12"), timeZone: Self.berlin) == inDecember)
        #expect(try seeded.store.billingWork(month: Self.month("2026-11"), timeZone: Self.berlin).isEmpty)
        #expect(try seeded.store.billingWork(month: Self.month("2026-11"), timeZone: Self.utc) == inDecember)
        #expect(try seeded.store.billingWork(month: Self.month("2026-12"), timeZone: Self.utc).isEmpty)
    }

    @Test("a refusal inside the transaction leaves nothing behind")
    func refusalRollsBack() throws {
        let seeded = try Seeded()
        let events = try seeded.store.auditTrail(ticketNumber: "1001")
        #expect(throws: WorkflowRefusal.costsNotAccepted(ticket: "1001")) {
            try seeded.store.logTime(TimeEntryRequest(ticketNumber: "1001", minutes: 5, agent: "bob", note: nil, force: false,
                                                      at: Self.november))
        }
        #expect(throws: WorkflowRefusal.unknownTicket("999")) {
            try seeded.store.acceptCosts(AgentCostAcceptance(ticketNumber: "999", via: .mail, agent: "bob", note: nil, at: Self.november)) { _ in nil }
        }
        #expect(try seeded.store.timeEntries(ticketNumber: "1001").isEmpty)
        #expect(try seeded.store.auditTrail(ticketNumber: "1001") == events)
    }
}
