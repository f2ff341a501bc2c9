import Foundation
import Glibc
import MailCore
import Testing
import Tickets

/// Issue 5 end to end: customer mail into a real Dovecot, `poll --once` through the real binary,
/// and what a recording SMTP server (aiosmtpd) receives.
@Suite(.serialized)
struct ResponderEndToEndTests {
    /// The sample mails of Config/examples/ and the notice each must get (nil: none).
    static let samples: [(file: String, kind: String?, language: String, status: TicketStatus?)] = [
        ("standard-de", "faq-reply", "de", .new),
        ("standard-en", "faq-reply", "en", .new),
        ("extended-de", "cost-notice", "de", .awaitingCostAcceptance),
        // Mixed evidence: the classifier asks for review, so the customer hears nothing about costs yet.
        ("extended-en", "received", "en", .needsReview),
        ("unclear-de", "received", "de", .needsReview),
        ("out-of-office-de", nil, "de", nil),
    ]

    @Test("every sample mail gets the notice its classification calls for, exactly once, with the promised headers")
    func noticePerClassification() throws {
        let rig = try ResponderRig()
        try rig.dovecot.deliver(try Self.samples.map { try ResponderRig.example($0.file) })
        let first = try rig.poll()
        #expect(first.status == 0, "\(first.stderr)")
        let byInbound = try rig.repliesByInbound()
        for sample in Self.samples {
            let inbound = MessageParser.parse(try ResponderRig.example(sample.file))
            let replies = byInbound[inbound.messageID ?? ""] ?? []
            guard let kind = sample.kind else {
                #expect(replies.isEmpty, "\(sample.file) is automated mail and must get no reply")
                continue
            }
            try #require(replies.count == 1, "\(sample.file): \(replies.count) replies")
            let reply = replies[0]
            #expect(reply.kind == kind, "\(sample.file)")
            #expect(reply.text.hasPrefix(sample.language == "de" ? "Guten Tag" : "Hello"), "\(sample.file): \(reply.text)")
            let ticket = try #require(try rig.withStore { try $0.ticket(number: reply.ticketNumber ?? "") })
            #expect(ticket.messageIDs == [inbound.messageID ?? ""])
            #expect(ticket.status == sample.status, "\(sample.file)")
            Self.checkHeaders(reply, answering: inbound, ticket: ticket)
        }
        #expect(byInbound.values.map(\.count).reduce(0, +) == 5)

        let second = try rig.poll()
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try rig.replies().count == 5, "a second poll must not send anything again")
        #expect(try rig.withStore { try $0.outboxCounts() } == [.sent: 5])
    }

    @Test("mail classified ignore (an unsolicited offer without any list header) gets no ticket and no reply; the ledger says why")
    func ignoredMailGetsNothing() throws {
        let rig = try ResponderRig()
        let offer = Array(try Data(contentsOf: IntakeCommandRunner.repositoryRoot.appendingPathComponent(
            "Tests/TriageTests/Corpus/fresh8/r-ign-seo-en.eml")))
        try rig.dovecot.deliver([offer, try ResponderRig.example("standard-de")])
        let result = try rig.poll()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("event=intake.ignored") && result.stderr.contains("classified ignore"), "\(result.stderr)")
        #expect(try rig.replies().map(\.kind) == ["faq-reply"])
        #expect(try rig.withStore { try $0.ticketCount() } == 1)
        #expect(try rig.withStore { try $0.ledgerCounts() } == [.ticketed: 1, .ignored: 1])
        #expect(try rig.dovecot.count(keyword: "$SupportIntake") == 2)
    }

    @Test("the cost notice states the rate per started quarter hour, links FAQ 1792 and says how to accept")
    func costNoticeContent() throws {
        let rig = try ResponderRig()
        try rig.dovecot.deliver([try ResponderRig.example("extended-de")])
        #expect(try rig.poll().status == 0)
        let notice = try #require(try rig.replies().first)
        #expect(notice.kind == "cost-notice")
        #expect(notice.text.contains("je angefangene Viertelstunde mit 25,00 €"))
        #expect(notice.text.contains("https://www.example-hosting.de/faq/1792"))
        #expect(notice.text.contains("\"Ja, einverstanden\""))
        #expect(notice.text.contains("[Ticket#\(notice.ticketNumber ?? "?")]"))
    }

    @Test("follow-ups join their ticket without an automatic reply; accepting the costs opens the ticket and is confirmed once")
    func followUps() throws {
        let rig = try ResponderRig()
        let customer = "Petra Schulz <petra.schulz@schulz-webdesign.example>"
        try rig.dovecot.deliver([try ResponderRig.example("extended-de")])
        #expect(try rig.poll().status == 0)
        let notice = try #require(try rig.replies().first)
        let number = try #require(notice.ticketNumber)

        // The customer answers the notice, quoting it (the quote itself says "Ja, einverstanden").
        try rig.dovecot.deliver([ResponderRig.answer(
            to: notice, from: customer, body: "Ja, einverstanden. Bitte stellen Sie die Seite wieder her.",
            messageID: "accept-1@schulz-webdesign.example")])
        #expect(try rig.poll().status == 0)
        var ticket = try #require(try rig.withStore { try $0.ticket(number: number) })
        #expect(ticket.costAccepted == true)
        #expect(ticket.status == .open)
        #expect(ticket.messageIDs.count == 2)
        let confirmations = try rig.replies().filter { $0.kind == "cost-accepted" }
        #expect(confirmations.count == 1)
        #expect(confirmations.first?.parsed.inReplyTo == "accept-1@schulz-webdesign.example")

        // More mail from the same customer, unthreaded but with the ticket tag: joins, no reply.
        try rig.dovecot.deliver([Array("""
            From: \(customer)\r
            To: support@example-hosting.de\r
            Subject: Noch eine Frage [Ticket#\(number)]\r
            Message-ID: <more-1@schulz-webdesign.example>\r
            \r
            Bis wann ist die Seite wieder online?\r

            """.utf8)])
        // Someone else quoting the same ticket number: a new ticket, not a way into Petra's.
        try rig.dovecot.deliver([Array("""
            From: Mallory <mallory@example.org>\r
            To: support@example-hosting.de\r
            Subject: Ja, einverstanden [Ticket#\(number)]\r
            Message-ID: <stranger-1@example.org>\r
            \r
            Ja, einverstanden.\r

            """.utf8)])
        #expect(try rig.poll().status == 0)
        ticket = try #require(try rig.withStore { try $0.ticket(number: number) })
        #expect(ticket.messageIDs == [
            "a1b2c3d4-5566@schulz-webdesign.example", "accept-1@schulz-webdesign.example", "more-1@schulz-webdesign.example",
        ])
        let events = try rig.withStore { try $0.events(ticketNumber: number) }.map(\.kind)
        #expect(events.filter { $0 == "message.followup" }.count == 2)
        #expect(events.filter { $0 == "cost.accepted" }.count == 1)
        #expect(events.filter { $0 == "reply.suppressed" }.count == 1)
        let tickets = try rig.withStore { try $0.tickets(status: nil, limit: nil) }
        #expect(tickets.count == 2)
        let strangers = try #require(tickets.first { $0.customer == "mallory@example.org" })
        #expect(strangers.costAccepted == nil)
        #expect(strangers.notes.contains { $0.contains("not that ticket's customer") })
        let byInbound = try rig.repliesByInbound()
        #expect(byInbound["more-1@schulz-webdesign.example"] == nil, "a follow-up gets no automatic reply")
        #expect(byInbound.values.allSatisfy { $0.count == 1 })
    }

    @Test("a refusal clears the acceptance and sends nothing")
    func refusal() throws {
        let rig = try ResponderRig()
        try rig.dovecot.deliver([try ResponderRig.example("extended-de")])
        #expect(try rig.poll().status == 0)
        let notice = try #require(try rig.replies().first)
        try rig.dovecot.deliver([ResponderRig.answer(
            to: notice, from: "petra.schulz@schulz-webdesign.example",
            body: "Nein, damit bin ich nicht einverstanden. Ich versuche es selbst.", messageID: "refuse-1@schulz-webdesign.example")])
        #expect(try rig.poll().status == 0)
        let ticket = try #require(try rig.withStore { try $0.ticket(number: notice.ticketNumber ?? "") })
        #expect(ticket.costAccepted == false)
        #expect(ticket.status == .awaitingCostAcceptance)
        #expect(try rig.replies().count == 1)
    }

    /// What every notice must carry (issue 5, item 2).
    static func checkHeaders(_ reply: ResponderRig.Reply, answering inbound: ParsedMessage, ticket: Ticket) {
        let customer = (inbound.replyTo.first ?? inbound.from.first)?.address ?? ""
        #expect(reply.envelopeFrom == ResponderRig.supportAddress)
        #expect(reply.envelopeTo == [customer])
        #expect(reply.parsed.from == [Mailbox(name: ResponderRig.supportName, address: ResponderRig.supportAddress)])
        #expect(reply.parsed.to.map(\.address) == [customer])
        #expect(reply.parsed.subject == "Re: \(inbound.subject ?? "") [Ticket#\(ticket.number)]")
        #expect(reply.parsed.inReplyTo == inbound.messageID)
        #expect(reply.parsed.references.last == inbound.messageID)
        #expect(reply.parsed.autoSubmitted == "auto-replied")
        #expect(reply.parsed.header("X-Auto-Response-Suppress") == "All")
        #expect(reply.parsed.header("Content-Type") == "text/plain; charset=utf-8")
        #expect(reply.parsed.header("Content-Transfer-Encoding") == "quoted-printable")
        #expect(reply.parsed.date != nil)
        #expect(reply.parsed.messageID?.hasPrefix("ticket-\(ticket.number).\(reply.kind ?? "").") == true)
        #expect(reply.parsed.messageID?.hasSuffix("@example-hosting.de") == true)
        #expect(reply.parsed.defects.isEmpty, "\(reply.parsed.defects)")
        let lines = String(decoding: reply.bytes, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { !$0.contains("\n") && !$0.contains("\r") }, "bare CR or LF in the reply")
        #expect(lines.allSatisfy { $0.utf8.count <= 78 }, "a line longer than 78 characters")
    }
}

/// Replies the server refuses for good wait, parked with its words, until the operator queues them again.
@Suite(.serialized)
struct ResponderParkingTests {
    @Test("a 550 parks the reply with the server's words; outbox list shows it, outbox retry queues it again")
    func parkedReply() throws {
        var options = TestSMTPServer.Options()
        options.rejectedRecipients = ["juergen.weiss@example.org"]
        let rig = try ResponderRig(smtp: options)
        try rig.dovecot.deliver([try ResponderRig.example("standard-de")])
        #expect(try rig.poll().status == 0)
        #expect(try rig.replies().isEmpty)
        let parked = try rig.run(["outbox", "list", "--state", "failed", "--json"]).jsonLines()
        try #require(parked.count == 1)
        #expect(parked[0]["kind"] as? String == "faq-reply" && parked[0]["ticket"] as? String == "1001")
        #expect((parked[0]["last_error"] as? String)?.contains("550") == true, "\(parked[0])")
        let id = try #require((parked[0]["id"] as? NSNumber)?.stringValue)

        let retried = try rig.run(["outbox", "retry", id])
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(try rig.run(["outbox", "list", "--state", "pending", "--json"]).jsonLines().count == 1)
        let again = try rig.run(["outbox", "retry", id])
        #expect(again.status == 1 && again.stderr.contains("not failed"), "\(again.stderr)")
        #expect(try rig.run(["outbox", "retry", "4711"]).status == 1)
        #expect(try rig.run(["outbox", "list", "--state", "lost"]).status == 2)
    }
}

/// What happens to replies when the SMTP server is away.
@Suite(.serialized)
struct ResponderOutageTests {
    @Test("with the SMTP server down, mail is still ticketed and marked, poll exits 1, and the replies wait uncharged")
    func smtpDown() throws {
        let rig = try ResponderRig()
        rig.smtp.stop()
        try rig.dovecot.deliver([try ResponderRig.example("standard-de")])
        let result = try rig.poll()
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("event=outbox.unavailable"), "\(result.stderr)")
        #expect(try rig.dovecot.count(keyword: "$SupportIntake") == 1)
        let rows = try rig.withStore { try $0.replies(ticketNumber: "1001") }
        #expect(rows.count == 1 && rows.allSatisfy { $0.state == .pending && $0.attempts == 0 }, "\(rows)")
    }
}

/// The daemon with replies on.
@Suite(.serialized)
struct ResponderDaemonTests {
    @Test("run answers mail delivered while it waits within seconds, and stops cleanly on SIGTERM")
    func daemonReplies() throws {
        let rig = try ResponderRig()
        let errPath = rig.configPath + ".stderr"
        FileManager.default.createEmptyFile(atPath: errPath)
        let process = Process()
        process.executableURL = IntakeCommandRunner.binary
        process.arguments = ["run", "--config", rig.configPath]
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        try rig.dovecot.deliver([try ResponderRig.example("standard-en")])
        let delivered = Date()
        #expect(try waitUntil(seconds: 20) { try rig.replies().count == 1 })
        let latency = Date().timeIntervalSince(delivered)
        #expect(latency < 3, "the reply took \(latency) s")
        #expect(try rig.replies().first?.kind == "faq-reply")

        process.terminate()
        let stopped = try waitUntil(seconds: 15) { !process.isRunning }
        #expect(stopped, "run did not stop within 15 s of SIGTERM")
        if stopped { #expect(process.terminationReason == .exit && process.terminationStatus == 0) }
        let log = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        #expect(log.contains("event=outbox.stopped"), "\(log)")
        #expect(try rig.replies().count == 1)
    }
}
