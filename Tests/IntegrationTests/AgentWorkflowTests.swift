import Foundation
import MailCore
import Testing
import TicketStoreSQLite
import Tickets

/// Issue 6's scenarios through the real binary, a real Dovecot, a real SMTP server and the real store.
@Suite(.serialized)
struct AgentWorkflowTests {
    static func mail(from customer: String, messageID: String, subject: String, body: String, inReplyTo: String? = nil) -> [UInt8] {
        var head = "From: Kunde <\(customer)>\r\nTo: support@example-hosting.de\r\nSubject: \(subject)\r\n"
            + "Message-ID: <\(messageID)>\r\nDate: Sun, 29 Nov 2026 18:00:00 +0100\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
        if let inReplyTo { head += "In-Reply-To: <\(inReplyTo)>\r\nReferences: <\(inReplyTo)>\r\n" }
        return Array((head + "\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n").utf8)
    }

    static let extendedMail = mail(
        from: "kunde1@example.org", messageID: "ext-1@example.org", subject: "Bitte Nginx auf meinem vServer einrichten",
        body: """
            Guten Tag,

            bitte installieren Sie mir auf meinem vServer einen Nginx als Reverse Proxy und richten Sie
            die Firewall ein. Können Sie das für mich übernehmen? Root-Zugang haben Sie ja.

            Viele Grüße
            """)

    static let standardMail = mail(
        from: "kunde2@example.org", messageID: "std-2@example.org", subject: "Postfach voll",
        body: "Hallo, mein Postfach ist voll und ich bekomme keine Mails mehr. Wie kann ich den Speicherplatz erhöhen?\nGruß")

    /// The month `date` falls in for the billing report, `YYYY-MM`: the test gateway bills in the
    /// default zone, Europe/Berlin.
    static func billingMonth(of date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month], from: date)
        return String(format: "%04d-%02d", parts.year ?? 0, parts.month ?? 0)
    }

    @Test("extended mail → cost notice → \"Ja, einverstanden\" → open with acceptance → 7 + 10 + 20 min → 3 quarter hours billed")
    func extendedScenario() throws {
        let dovecot = try TestDovecot(tls: false)
        let smtp = try TestSMTPServer()
        let gateway = try AgentGateway(dovecot, smtp: smtp)

        try dovecot.deliver([Self.extendedMail], sender: "kunde1@example.org")
        try gateway.poll()
        let notices = try smtp.received()
        #expect(notices.count == 1)
        let notice = try #require(notices.first)
        #expect(notice.recipients == ["kunde1@example.org"])
        let noticeID = try #require(notice.header("Message-ID")?.trimmingCharacters(in: CharacterSet(charactersIn: "<>")))
        #expect(noticeID.contains(".cost-notice."), "the first reply is the cost notice: \(noticeID)")
        #expect(notice.header("In-Reply-To") == "<ext-1@example.org>")
        var ticket = try gateway.show("1001")
        #expect(ticket["status"] as? String == "awaiting-cost-acceptance")
        #expect(ticket["suggested_handling"] as? String == "extended")
        #expect((ticket["replies"] as? [[String: Any]])?.first?["state"] as? String == "sent")

        let answer = Self.mail(from: "kunde1@example.org", messageID: "answer-1@example.org",
                               subject: "Re: Bitte Nginx auf meinem vServer einrichten [Ticket#1001]",
                               body: "Ja, einverstanden.\n\nKunde Eins", inReplyTo: noticeID)
        try dovecot.deliver([answer], sender: "kunde1@example.org")
        try gateway.poll()
        ticket = try gateway.show("1001")
        #expect(ticket["status"] as? String == "open")
        #expect(ticket["cost_accepted"] as? Bool == true)
        let acceptances = try #require(ticket["cost_acceptances"] as? [[String: Any]])
        #expect(acceptances.count == 1)
        #expect(acceptances.first?["via"] as? String == "mail")
        #expect(acceptances.first?["message_id"] as? String == "answer-1@example.org")
        #expect((ticket["message_ids"] as? [String]) == ["ext-1@example.org", "answer-1@example.org"])

        for minutes in ["7", "10", "20"] {
            let logged = try gateway.run(["tickets", "log-time", "1001", minutes, "--agent", "alice", "--note", "Nginx, Firewall"])
            #expect(logged.status == 0, "\(logged.stderr)")
        }
        ticket = try gateway.show("1001")
        #expect((ticket["billable_quarter_hours"] as? NSNumber)?.intValue == 3)
        #expect((ticket["total_minutes"] as? NSNumber)?.intValue == 37)
        #expect((ticket["time_entries"] as? [[String: Any]])?.compactMap { ($0["minutes"] as? NSNumber)?.intValue } == [7, 10, 20])
        let kinds = (ticket["events"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        for kind in ["ticket.created", "reply.queued", "message.followup", "cost.accepted", "time.logged"] {
            #expect(kinds.contains(kind), "tickets show lacks \(kind): \(kinds)")
        }
        let listed = try gateway.run(["tickets", "list", "--json"]).jsonLines()
        #expect((listed.first?["billable_quarter_hours"] as? NSNumber)?.intValue == 3)

        // The month the entries were logged in (not "now": a run across midnight at a month's end would differ).
        let workedAt = (ticket["time_entries"] as? [[String: Any]])?.first?["worked_at"] as? String
        let timestamps = ISO8601DateFormatter()
        timestamps.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let month = Self.billingMonth(of: try #require(workedAt.flatMap(timestamps.date(from:)), "worked_at: \(workedAt ?? "none")"))
        let report = try gateway.run(["billing", "report", "--month", month, "--csv"])
        #expect(report.status == 0, "\(report.stderr)")
        let rows = report.stdout.components(separatedBy: "\r\n")
        #expect(rows.first == BillingCSV.header.joined(separator: ","))
        #expect(rows.contains("ticket,\(month),kunde1@example.org,1001,Bitte Nginx auf meinem vServer einrichten,37,3,75.00,EUR"),
                "\(report.stdout)")
        #expect(rows.contains("total,\(month),,,,37,3,75.00,EUR"))
        let json = try gateway.run(["billing", "report", "--month", month, "--json"]).jsonLines()
        let ticketRow = try #require(json.first { $0["row"] as? String == "ticket" })
        #expect(ticketRow["ticket"] as? String == "1001" && (ticketRow["amount_cents"] as? NSNumber)?.intValue == 7_500)
        #expect((json.last?["quarter_hours"] as? NSNumber)?.intValue == 3 && json.last?["row"] as? String == "total")
        let text = try gateway.run(["billing", "report", "--month", month])
        #expect(text.stdout.contains("#1001\t37 min\t3 quarter hours\t75,00 €"), "\(text.stdout)")
    }

    @Test("an agent overrides a standard suggestion to extended → the next poll sends the cost notice")
    func overrideScenario() throws {
        let dovecot = try TestDovecot(tls: false)
        let smtp = try TestSMTPServer()
        let gateway = try AgentGateway(dovecot, smtp: smtp)

        try dovecot.deliver([Self.standardMail], sender: "kunde2@example.org")
        try gateway.poll()
        #expect(try smtp.received().map { $0.header("Message-ID")?.contains(".faq-reply.") } == [true])
        let queue = try gateway.run(["tickets", "list", "--status", "new", "--json"]).jsonLines()
        #expect(queue.compactMap { $0["number"] as? String } == ["1001"])
        #expect(queue.first?["suggested_handling"] as? String == "standard")
        #expect(queue.first?["confidence"] is NSNumber)
        #expect(((queue.first?["top_reasons"] as? [[String: Any]]) ?? []).contains { $0["rule"] as? String == "trivial_self_inflicted" })

        let confirmed = try gateway.run(["tickets", "confirm", "1001", "--as", "extended", "--agent", "bob",
                                         "--note", "Speicher erhöhen ist ein Tarifwechsel mit Migration"])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(confirmed.stdout.contains("cost-notice queued"), "\(confirmed.stdout)")
        var ticket = try gateway.show("1001")
        #expect(ticket["handling"] as? String == "extended")
        #expect(ticket["confirmed_by"] as? String == "bob")
        #expect(ticket["status"] as? String == "awaiting-cost-acceptance")
        let override = try #require((ticket["events"] as? [[String: Any]])?.first { $0["kind"] as? String == "handling.overridden" })
        #expect(override["actor"] as? String == "bob")
        let data = try #require(override["data"] as? [String: String])
        #expect(data["handling_before"] == "standard" && data["handling_after"] == "extended")
        #expect(data["status_before"] == "new" && data["status_after"] == "awaiting-cost-acceptance")
        #expect(data["note"] == "Speicher erhöhen ist ein Tarifwechsel mit Migration")
        #expect(try smtp.received().count == 1, "the notice waits for the next poll")

        try gateway.poll()
        let mails = try smtp.received()
        #expect(mails.count == 2)
        let notice = try #require(mails.last)
        #expect(notice.header("Message-ID")?.contains(".cost-notice.") == true)
        #expect(notice.recipients == ["kunde2@example.org"])
        #expect(notice.header("In-Reply-To") == "<std-2@example.org>")
        #expect(notice.header("Subject")?.contains("[Ticket#1001]") == true)
        ticket = try gateway.show("1001")
        let replies = try #require(ticket["replies"] as? [[String: Any]])
        #expect(replies.map { $0["kind"] as? String } == ["faq-reply", "cost-notice"])
        #expect(replies.allSatisfy { $0["state"] as? String == "sent" })

        let stats = try gateway.run(["triage", "stats", "--json"]).jsonLines()
        let rule = try #require(stats.first { $0["rule"] as? String == "trivial_self_inflicted" })
        #expect((rule["overridden_to_extended"] as? NSNumber)?.intValue == 1)

        // The customer agrees on the phone: the agent records it, and the customer gets it in writing.
        let accepted = try gateway.run(["tickets", "accept-costs", "1001", "--via", "phone", "--agent", "bob"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stdout.contains("cost-accepted queued"), "\(accepted.stdout)")
        try gateway.poll()
        let confirmation = try #require(try smtp.received().last)
        #expect(confirmation.header("Message-ID")?.contains(".cost-accepted.") == true)
        #expect(confirmation.recipients == ["kunde2@example.org"])
        let text = MessageParser.parse(confirmation.bytes).textBody ?? ""
        #expect(text.contains("telefonisch") || text.contains("by phone"), "\(text)")
        #expect(try gateway.show("1001")["status"] as? String == "open")
    }

    @Test("bad input gives a clear error and changes nothing in the store")
    func badInput() throws {
        let dovecot = try TestDovecot(tls: false)
        let smtp = try TestSMTPServer()
        let gateway = try AgentGateway(dovecot, smtp: smtp)
        try dovecot.deliver([Self.extendedMail, Self.standardMail], sender: "kunde@example.org")
        try gateway.poll()
        let confirmed = try gateway.run(["tickets", "confirm", "1002", "--agent", "bob"])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        let before = try gateway.snapshot()
        #expect(before.tickets.count == 2)

        let cases: [([String], Int32, String)] = [
            (["tickets", "log-time", "1001", "-5", "--agent", "alice"], 2, "MINUTES must be at least 1"),
            (["tickets", "log-time", "1001", "0", "--agent", "alice"], 2, "MINUTES must be at least 1"),
            (["tickets", "log-time", "1001", "abc", "--agent", "alice"], 2, "whole number"),
            (["tickets", "log-time", "1001", "1441", "--agent", "alice"], 2, "at most 1440"),
            (["tickets", "log-time", "1001", "10"], 2, "--agent NAME is required"),
            (["tickets", "log-time", "4711", "10", "--agent", "alice"], 1, "no ticket 4711"),
            (["tickets", "log-time", "1001", "10", "--agent", "alice"], 1, "has not accepted the costs"),
            (["tickets", "log-time", "1001", "10", "--agent", "alice", "--force"], 1, "--force on ticket 1001 needs a --note"),
            (["tickets", "confirm", "4711", "--agent", "bob"], 1, "no ticket 4711"),
            (["tickets", "confirm", "1002", "--agent", "bob"], 1, "already confirmed"),
            (["tickets", "confirm", "1001", "--as", "premium", "--agent", "bob"], 2, "--as must be standard or extended"),
            (["tickets", "confirm", "1001"], 2, "--agent NAME is required"),
            (["tickets", "accept-costs", "1002", "--via", "phone", "--agent", "bob"], 1, "no costs to accept"),
            (["tickets", "accept-costs", "1001", "--via", "fax", "--agent", "bob"], 2, "--via must be phone or mail"),
            (["billing", "report", "--month", "2026-13"], 2, "no month 13"),
            (["billing", "report", "--month", "2026-1"], 2, "must be YYYY-MM"),
            (["billing", "report", "--month", "abc"], 2, "must be YYYY-MM"),
        ]
        for (arguments, status, message) in cases {
            let result = try gateway.run(arguments)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(arguments): \(result.stdout)")
        }
        #expect(try gateway.snapshot() == before)

        let forced = try gateway.run(["tickets", "log-time", "1001", "10", "--agent", "alice", "--force",
                                      "--note", "Server down, Kunde hat telefonisch gedrängt"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let entry = try #require((try gateway.show("1001")["time_entries"] as? [[String: Any]])?.first)
        #expect(entry["forced"] as? Bool == true)
        #expect((try gateway.show("1001")["billable_quarter_hours"] as? NSNumber)?.intValue == 0,
                "not billable before the customer accepts")

        let closed = try gateway.run(["tickets", "close", "1002", "--agent", "bob", "--note", "erledigt"])
        #expect(closed.status == 0, "\(closed.stderr)")
        #expect(try gateway.run(["tickets", "list", "--status", "closed", "--json"]).jsonLines().compactMap { $0["number"] as? String } == ["1002"])
        let again = try gateway.run(["tickets", "close", "1002", "--agent", "bob"])
        #expect(again.status == 1 && again.stderr.contains("ticket 1002 is closed; nothing changed"), "\(again.stderr)")
    }
}
