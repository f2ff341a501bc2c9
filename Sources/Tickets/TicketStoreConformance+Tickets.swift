extension TicketStoreConformance {
    static let ticketChecks: [Check] = [
        Check(name: "tickets get sequential numbers from 1001 and keep what the intake recorded") { store in
            let raw = mail(messageID: "first@x", body: "Postfach voll", subject: "Postfach voll")
            _ = try store.commitIntake(record(uid: 1, raw: raw))
            _ = try store.commitIntake(record(uid: 2, raw: mail(messageID: "second@x", body: "DNS"), at: 60))
            guard let ticket = try store.ticket(number: "1001") else { throw Failure(description: "ticket 1001 missing") }
            try expect(ticket.subject == "Postfach voll", "subject reads \(ticket.subject)")
            try expect(ticket.customer == "kunde@example.org", "customer reads \(ticket.customer)")
            try expect(ticket.status == .new && ticket.handling == nil && ticket.costAccepted == nil
                       && ticket.confirmedBy == nil && ticket.billableQuarterHours == 0, "fresh ticket reads \(ticket)")
            try expect(ticket.messageIDs == ["first@x"], "message IDs read \(ticket.messageIDs)")
            try expect(ticket.createdAt == start, "created_at reads \(ticket.createdAt)")
            let messages = try store.messages(ticketNumber: "1001")
            try expect(messages.map(\.raw) == [raw], "the raw message was not kept byte for byte")
            try expect(try store.ticket(number: "1002") != nil, "ticket 1002 missing")
            try expect(try store.ticket(number: "999") == nil && store.ticket(number: "x") == nil, "phantom tickets")
        },
        Check(name: "tickets list newest first, filtered by status and limited") { store in
            for uid: UInt32 in 1...4 {
                _ = try store.commitIntake(record(uid: uid, raw: mail(messageID: "l\(uid)@x", body: "Nr \(uid)")))
            }
            try expect(try store.tickets(status: nil, limit: nil).map(\.number) == ["1004", "1003", "1002", "1001"],
                       "list is not newest first")
            try expect(try store.tickets(status: nil, limit: 2).map(\.number) == ["1004", "1003"], "limit ignored")
            try expect(try store.tickets(status: .closed, limit: nil).isEmpty, "status filter ignored")
            try expect(try store.tickets(status: .new, limit: nil).count == 4, "status filter drops tickets")
        },
        Check(name: "the classification and its reasons are kept with the ticket") { store in
            let classification = Classification(
                category: .extended, suggestedHandling: .extended, confidence: 0.75, needsReview: false,
                language: "de", reasons: [ClassificationReason(rule: "migration", weight: 2.5, evidence: "umziehen")])
            _ = try store.commitIntake(record(uid: 1, raw: mail(messageID: "c@x", body: "Umzug"), classification: classification))
            try expect(try store.ticket(number: "1001")?.suggestedHandling == .extended, "suggested handling lost")
            try expect(try store.classifications(ticketNumber: "1001") == [classification],
                       "classification reads \(try store.classifications(ticketNumber: "1001"))")
        },
        Check(name: "a truncated message is kept truncated and noted on the ticket") { store in
            let raw = mail(messageID: "big@x", body: String(repeating: "x", count: 100))
            _ = try store.commitIntake(record(uid: 1, raw: raw, size: 5_000))
            let message = try store.messages(ticketNumber: "1001").first
            try expect(message?.isTruncated == true && message?.size == 5_000, "truncation not recorded")
            try expect(try store.ticket(number: "1001")?.notes == ["message truncated"], "truncation note missing")
            try expect(try store.events(ticketNumber: "1001").contains { $0.kind == "intake.note" }, "no note event")
        },
    ]
}
