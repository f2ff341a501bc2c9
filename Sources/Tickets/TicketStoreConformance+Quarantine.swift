extension TicketStoreConformance {
    static let quarantineChecks: [Check] = [
        Check(name: "failures are counted, then quarantined with the bytes and the reason") { store in
            let raw = mail(messageID: nil, body: "kaputt")
            try expect(try store.recordFailure(failure(uid: 9, raw: raw)) == 1, "first failure is not attempt 1")
            try expect(try store.recordFailure(failure(uid: 9, raw: raw)) == 2, "second failure is not attempt 2")
            let failed = try store.ledgerEntries(mailbox: "INBOX", uidValidity: 7, uids: [9])[9]
            try expect(failed?.state == .failed && failed?.state.isSettled == false, "failed row reads \(String(describing: failed))")
            let id = try store.quarantine(failure(uid: 9, raw: raw, reason: "still exploding"))
            let entry = try store.quarantineEntry(id: id)
            try expect(entry?.state == .held && entry?.raw == raw && entry?.reason == "still exploding"
                       && entry?.attempts == 2, "quarantine entry reads \(String(describing: entry))")
            try expect(try store.quarantineEntries(state: .held).map(\.id) == [id], "held list wrong")
            try expect(try store.ledgerCounts() == [.quarantined: 1], "ledger counts \(try store.ledgerCounts())")
        },
        Check(name: "a quarantined message retried becomes a ticket, once") { store in
            let raw = mail(messageID: "q@x", body: "später")
            _ = try store.recordFailure(failure(uid: 3, raw: raw))
            let id = try store.quarantine(failure(uid: 3, raw: raw))
            let outcome = try store.retryQuarantined(id: id, with: record(uid: 3, raw: raw))
            try expect(outcome == .ticketed(number: "1001"), "retry gave \(outcome)")
            try expect(try store.quarantineEntry(id: id)?.state == .retried, "entry not marked retried")
            try expect(try store.ledgerEntries(mailbox: "INBOX", uidValidity: 7, uids: [3])[3]?.state == .ticketed,
                       "ledger row not ticketed after retry")
            do {
                _ = try store.retryQuarantined(id: id, with: record(uid: 3, raw: raw))
                throw Failure(description: "a second retry was accepted")
            } catch let error as TicketStoreError {
                try expect(error == .notHeld(id: id, state: .retried), "second retry threw \(error)")
            }
            try expect(try store.ticketCount() == 1, "retry made more than one ticket")
        },
        Check(name: "discarding settles the ledger row; unknown ids are errors") { store in
            let raw = mail(messageID: nil, body: "weg damit")
            let id = try store.quarantine(failure(uid: 4, raw: raw))
            try store.discardQuarantined(id: id, at: start)
            try expect(try store.quarantineEntry(id: id)?.state == .discarded, "entry not discarded")
            try expect(try store.ledgerCounts() == [.discarded: 1], "ledger counts \(try store.ledgerCounts())")
            do {
                try store.discardQuarantined(id: id + 100, at: start)
                throw Failure(description: "discarding an unknown entry was accepted")
            } catch let error as TicketStoreError {
                try expect(error == .unknownQuarantineEntry(id + 100), "unknown id threw \(error)")
            }
        },
    ]
}
