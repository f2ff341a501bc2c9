extension TicketStoreConformance {
    static let ledgerChecks: [Check] = [
        Check(name: "an empty store has no tickets, cursors or ledger rows") { store in
            try expect(try store.ticketCount() == 0, "ticketCount of an empty store is not 0")
            try expect(try store.tickets(status: nil, limit: nil).isEmpty, "an empty store lists tickets")
            try expect(try store.cursor(mailbox: "INBOX") == nil, "an empty store has a cursor")
            try expect(try store.ledgerCounts().isEmpty, "an empty store has ledger rows")
        },
        Check(name: "cursors are stored per mailbox and overwritten") { store in
            try store.setCursor(MailboxCursor(uidValidity: 7, lastUID: 10), mailbox: "INBOX")
            try store.setCursor(MailboxCursor(uidValidity: 9, lastUID: 3), mailbox: "Other")
            try store.setCursor(MailboxCursor(uidValidity: 8, lastUID: 4_000_000_000), mailbox: "INBOX")
            try expect(try store.cursor(mailbox: "INBOX") == MailboxCursor(uidValidity: 8, lastUID: 4_000_000_000),
                       "INBOX cursor not overwritten with full 32-bit UID")
            try expect(try store.cursor(mailbox: "Other") == MailboxCursor(uidValidity: 9, lastUID: 3), "Other cursor lost")
        },
        Check(name: "commitIntake is idempotent per mailbox, UIDVALIDITY and UID") { store in
            let raw = mail(messageID: "a@x", body: "Mein Server ist down")
            let first = try store.commitIntake(record(uid: 5, raw: raw))
            let second = try store.commitIntake(record(uid: 5, raw: raw))
            try expect(first == .ticketed(number: "1001"), "first commit gave \(first)")
            guard case .alreadySettled(let entry) = second else { throw Failure(description: "second commit gave \(second)") }
            try expect(entry.state == .ticketed && entry.ticketNumber == "1001", "settled entry reads \(entry)")
            try expect(try store.ticketCount() == 1, "a repeated commit made another ticket")
        },
        Check(name: "the same mail at another UID is a duplicate of the first ticket") { store in
            let raw = mail(messageID: "same@x", body: "Bitte helfen")
            _ = try store.commitIntake(record(uid: 1, raw: raw))
            let again = try store.commitIntake(record(uid: 1, raw: Array("Received: from relay\r\n".utf8) + raw,
                                                      mailbox: "Sales", uidValidity: 3))
            try expect(again == .duplicate(of: "1001"), "same mail in another mailbox gave \(again)")
            let entry = try store.ledgerEntries(mailbox: "Sales", uidValidity: 3, uids: [1])[1]
            try expect(entry?.state == .duplicate && entry?.ticketNumber == "1001", "ledger row reads \(String(describing: entry))")
            try expect(entry?.outcome == "duplicate of ticket 1001", "outcome reads \(String(describing: entry?.outcome))")
            try expect(try store.events(ticketNumber: "1001").map(\.kind) == ["ticket.created", "message.duplicate"],
                       "duplicate not in the ticket's events")
            try expect(try store.ticketCount() == 1, "a duplicate made a ticket")
        },
        Check(name: "a reused Message-ID with different content makes a second ticket") { store in
            _ = try store.commitIntake(record(uid: 1, raw: mail(messageID: "reused@x", body: "erste Anfrage")))
            let second = try store.commitIntake(record(uid: 2, raw: mail(messageID: "reused@x", body: "zweite Anfrage")))
            try expect(second == .ticketed(number: "1002"), "reused Message-ID gave \(second)")
        },
        Check(name: "identical mails without Message-ID are duplicates") { store in
            let raw = mail(messageID: nil, body: "ohne ID")
            _ = try store.commitIntake(record(uid: 1, raw: raw))
            let again = try store.commitIntake(record(uid: 2, raw: raw))
            try expect(again == .duplicate(of: "1001"), "identical mail without Message-ID gave \(again)")
        },
        Check(name: "ignored mail is recorded without a ticket") { store in
            let automated = Classification(category: .automated, suggestedHandling: nil, confidence: 0.99,
                                           needsReview: false, language: nil, reasons: [])
            let outcome = try store.commitIntake(record(uid: 1, raw: mail(messageID: "ooo@x", body: "Abwesend"),
                                                        classification: automated))
            try expect(outcome == .ignored(reason: "classified automated"), "automated mail gave \(outcome)")
            try expect(try store.ticketCount() == 0, "ignored mail made a ticket")
            try expect(try store.ledgerCounts() == [.ignored: 1], "ledger counts \(try store.ledgerCounts())")
        },
        Check(name: "ledgerEntries returns the asked UIDs and recordMarked marks settled rows only") { store in
            for uid: UInt32 in [2, 4, 6] {
                _ = try store.commitIntake(record(uid: uid, raw: mail(messageID: "m\(uid)@x", body: "Nr \(uid)")))
            }
            _ = try store.recordFailure(failure(uid: 5, raw: mail(messageID: nil, body: "kaputt")))
            let found = try store.ledgerEntries(mailbox: "INBOX", uidValidity: 7, uids: [2, 3, 5, 6])
            try expect(Set(found.keys) == [2, 5, 6], "ledgerEntries found \(found.keys.sorted())")
            try expect(try store.ledgerEntries(mailbox: "INBOX", uidValidity: 8, uids: [2]).isEmpty,
                       "ledger rows leak across UIDVALIDITY")
            let keys = [2, 5].map { LedgerKey(mailbox: "INBOX", uidValidity: 7, uid: $0) }
            try store.recordMarked(keys)
            let after = try store.ledgerEntries(mailbox: "INBOX", uidValidity: 7, uids: [2, 5, 6])
            try expect(after[2]?.marked == true && after[5]?.marked == false && after[6]?.marked == false,
                       "marked flags read \(after.mapValues(\.marked))")
            try store.makeDurable()
        },
        Check(name: "calls inside inOneCommit all count, and a failing one leaves the others") { store in
            try store.inOneCommit {
                _ = try store.commitIntake(record(uid: 1, raw: mail(messageID: "b1@x", body: "eins")))
                do {
                    _ = try store.retryQuarantined(id: 4711, with: record(uid: 9, raw: mail(messageID: "b9@x", body: "x")))
                    throw Failure(description: "retrying an unknown quarantine entry was accepted")
                } catch is TicketStoreError {}
                _ = try store.commitIntake(record(uid: 2, raw: mail(messageID: "b2@x", body: "zwei")))
            }
            try expect(try store.ticketCount() == 2, "batch kept \(try store.ticketCount()) tickets")
            try expect(try store.tickets(status: nil, limit: nil).map(\.number) == ["1002", "1001"], "numbers in a batch")
        },
    ]
}
