import MailCore
import Testing
import Tickets

/// The intake pipeline against in-memory twins: exactly once, nothing lost, one bad mail never
/// blocks the others.
struct IntakeCycleTests {
    @Test("new mail becomes one ticket each, is marked, and a second cycle changes nothing")
    func ticketsOnce() throws {
        let harness = IntakeHarness()
        harness.deliver(3)
        let first = try harness.runCycle()
        #expect(first.ticketed == 3 && first.marked == 3)
        #expect(harness.ticketCount == 3)
        #expect(harness.processedUIDs == [1, 2, 3])
        #expect(harness.cursor == 3)
        let fetchesBefore = harness.source.fetchRequests.count
        let second = try harness.runCycle()
        #expect(second == IntakeSummary())
        #expect(harness.source.fetchRequests.count == fetchesBefore)
        #expect(harness.ticketCount == 3)
        #expect(harness.log.events(named: "intake.ticketed").map { $0.value("ticket") } == ["1001", "1002", "1003"])
    }

    @Test("a crash after the commit and before marking makes no second ticket")
    func crashBeforeMarking() throws {
        let harness = IntakeHarness()
        harness.deliver(3)
        harness.source.failMarking = true
        #expect(throws: InMemoryMailSource.Failure.self) { try harness.runCycle() }
        #expect(harness.ticketCount == 3)
        #expect(harness.processedUIDs.isEmpty)
        #expect(harness.cursor == nil || harness.cursor == 0)
        harness.source.failMarking = false
        let fetchesBefore = harness.source.fetchRequests.count
        let after = try harness.runCycle()
        #expect(after.ticketed == 0 && after.marked == 3)
        #expect(harness.source.fetchRequests.count == fetchesBefore, "settled mail is not fetched again")
        #expect(harness.ticketCount == 3)
        #expect(harness.processedUIDs == [1, 2, 3])
        #expect(harness.cursor == 3)
    }

    @Test("a UIDVALIDITY change re-scans the mailbox without duplicating tickets")
    func uidValidityReset() throws {
        let harness = IntakeHarness()
        harness.deliver(3)
        try harness.runCycle()
        harness.source.resetUIDValidity(to: 99)
        harness.source.deliver(IntakeHarness.mail(4))
        let rescan = try harness.runCycle()
        #expect(rescan.fetched == 4 && rescan.duplicates == 3 && rescan.ticketed == 1)
        #expect(harness.ticketCount == 4)
        #expect(try harness.store.cursor(mailbox: "INBOX") == MailboxCursor(uidValidity: 99, lastUID: 4))
        #expect(harness.log.events(named: "intake.uidvalidity_changed").count == 1)
    }

    @Test("the same mail delivered to two support addresses makes one ticket")
    func sameMailTwice() throws {
        let harness = IntakeHarness()
        harness.source.deliver(IntakeHarness.mail(1, trace: "Delivered-To: support@example-hosting.de\r\n"))
        harness.source.deliver(IntakeHarness.mail(1, trace: "Delivered-To: technik@example-hosting.de\r\nReceived: from x\r\n"))
        let summary = try harness.runCycle()
        #expect(summary.ticketed == 1 && summary.duplicates == 1)
        let entry = try harness.store.ledgerEntries(mailbox: "INBOX", uidValidity: 1, uids: [2])[2]
        #expect(entry?.outcome == "duplicate of ticket 1001")
        #expect(harness.processedUIDs == [1, 2])
    }

    @Test("two different mails reusing one Message-ID make two tickets")
    func reusedMessageID() throws {
        let harness = IntakeHarness()
        harness.source.deliver(IntakeHarness.mail(1, body: "Erste Frage", messageID: "same@x"))
        harness.source.deliver(IntakeHarness.mail(2, body: "Ganz andere Frage", messageID: "same@x"))
        #expect(try harness.runCycle().ticketed == 2)
    }

    @Test("a failing mail is retried, then quarantined, while the others flow")
    func failingMailQuarantined() throws {
        let harness = IntakeHarness()
        harness.classify = { message in
            if message.bodyText.contains("BOOM") { throw ClassifierBroke() }
            return nil
        }
        harness.source.deliver(IntakeHarness.mail(1))
        harness.source.deliver(IntakeHarness.mail(2, body: "BOOM"))
        harness.source.deliver(IntakeHarness.mail(3))
        let first = try harness.runCycle()
        #expect(first.ticketed == 2 && first.failed == 1)
        #expect(harness.cursor == 1, "the cursor waits before the failed mail")
        #expect(harness.processedUIDs == [1, 3])
        let second = try harness.runCycle()
        #expect(second.failed == 1 && second.fetched == 1)
        #expect(harness.source.fetchRequests.last == [2])
        let third = try harness.runCycle()
        #expect(third.quarantined == 1)
        #expect(harness.cursor == 3)
        #expect(harness.ticketCount == 2)
        #expect(harness.source.messages().map(\.uid) == [1, 3])
        #expect(harness.source.messages(in: "Quarantine").count == 1)
        let entry = try #require(try harness.store.quarantineEntries(state: .held).first)
        #expect(entry.attempts == 3 && entry.reason == "classifier broke on this mail")
        #expect(harness.log.events(named: "intake.quarantined").first?.value("reason") == "classifier broke on this mail")
        #expect(try harness.runCycle() == IntakeSummary())
    }

    @Test("an oversized mail is ticketed truncated, with a note")
    func oversized() throws {
        let harness = IntakeHarness()
        harness.configuration.maxMessageBytes = 200
        harness.source.deliver(IntakeHarness.mail(1, body: String(repeating: "Logdatei ", count: 200)))
        #expect(try harness.runCycle().ticketed == 1)
        let ticket = try #require(try harness.store.ticket(number: "1001"))
        #expect(ticket.notes.first?.hasPrefix("message truncated: kept 200 of ") == true)
        #expect(ticket.subject == "Anfrage 1")
        let message = try #require(try harness.store.messages(ticketNumber: "1001").first)
        #expect(message.raw.count == 200 && message.isTruncated)
    }

    @Test("the cursor advances over UID gaps and expunged mail")
    func cursorWithGaps() throws {
        let harness = IntakeHarness()
        harness.deliver(5)
        harness.source.expunge(uid: 2)
        harness.source.expunge(uid: 4)
        #expect(try harness.runCycle().ticketed == 3)
        #expect(harness.cursor == 5)
    }

    @Test("mail is fetched in bounded batches")
    func batches() throws {
        let harness = IntakeHarness()
        harness.configuration.batchSize = 2
        harness.deliver(5)
        try harness.runCycle()
        #expect(harness.source.fetchRequests == [[1, 2], [3, 4], [5]])
    }

    @Test("a chunk holds at most chunkBytes of mail, and a larger message is fetched alone")
    func chunkBytes() throws {
        let harness = IntakeHarness()
        harness.configuration.batchSize = 10
        harness.configuration.chunkBytes = 1_000
        // Four mails of about 300 bytes, one of 5,000, one of 300: three small ones fit in 1,000 bytes.
        for (number, bodyBytes) in [200, 200, 200, 200, 4_900, 200].enumerated() {
            let mail = IntakeHarness.mail(number + 1, body: String(repeating: "x", count: bodyBytes))
            _ = harness.source.deliver(mail)
        }
        let sizes = harness.source.messages().map(\.bytes.count)
        #expect(sizes[0..<4].allSatisfy { $0 < 334 } && sizes[0..<3].reduce(0, +) <= 1_000 && sizes[4] > 1_000)
        #expect(try harness.runCycle().ticketed == 6)
        #expect(harness.source.fetchRequests == [[1, 2, 3], [4], [5], [6]])
    }

    /// `mails` delivered, taken in two at a time in groups of four.
    static func inGroupsOfFour(mails: Int) -> IntakeHarness {
        let harness = IntakeHarness()
        harness.configuration.batchSize = 2
        harness.configuration.commitSize = 4
        harness.deliver(mails)
        return harness
    }

    @Test("mail is synced and marked in groups of commitSize, fetched batchSize at a time within them")
    func commitGroups() throws {
        let harness = Self.inGroupsOfFour(mails: 5)
        #expect(try harness.runCycle().ticketed == 5)
        #expect(harness.source.fetchRequests == [[1, 2], [3, 4], [5]])
        #expect(harness.source.markRequests == [[1, 2, 3, 4], [5]])
        #expect(harness.cursor == 5)
    }

    @Test("the next group's first chunk is fetched before a group is marked, and committed only after")
    func nextGroupOverlap() throws {
        let harness = Self.inGroupsOfFour(mails: 6)
        var fetchesWhenMarking: [Int] = []
        var ticketsWhenMarking: [Int] = []
        harness.source.onMark = {
            fetchesWhenMarking.append(harness.source.fetchRequests.count)
            ticketsWhenMarking.append(harness.ticketCount)
        }
        #expect(try harness.runCycle().ticketed == 6)
        #expect(harness.source.fetchRequests == [[1, 2], [3, 4], [5, 6]])
        #expect(harness.source.markRequests == [[1, 2, 3, 4], [5, 6]])
        #expect(fetchesWhenMarking == [3, 3], "[5, 6] is fetched before [1, 2, 3, 4] is marked")
        #expect(ticketsWhenMarking == [4, 6], "...and committed after")
        #expect(harness.cursor == 6)
    }

    @Test("a stop request after a group drops the next group's fetched chunk; the next cycle takes it in")
    func stopWithNextGroupStarted() throws {
        let harness = Self.inGroupsOfFour(mails: 6)
        let summary = try harness.runCycle(shouldStop: { harness.ticketCount >= 4 })
        #expect(summary.ticketed == 4)
        #expect(harness.source.fetchRequests.last == [5, 6], "fetched while [1, 2, 3, 4] was finishing")
        #expect(harness.processedUIDs == [1, 2, 3, 4])
        #expect(harness.cursor == 4)
        #expect(try harness.runCycle().ticketed == 2)
        #expect(harness.ticketCount == 6 && harness.processedUIDs == [1, 2, 3, 4, 5, 6])
    }

    @Test("a stop request finishes the mail in hand, marks it and keeps the rest for later")
    func stopRequest() throws {
        let harness = IntakeHarness()
        harness.deliver(3)
        let summary = try harness.runCycle(shouldStop: { harness.ticketCount >= 1 })
        #expect(summary.ticketed == 1)
        #expect(harness.processedUIDs == [1])
        #expect(harness.cursor == 1)
        #expect(try harness.runCycle().ticketed == 2)
    }

    @Test("a stop request between pipelined chunks marks exactly what was committed")
    func stopBetweenChunks() throws {
        let harness = IntakeHarness()
        harness.configuration.batchSize = 2
        harness.deliver(7)
        // Chunk [3, 4] is already being prepared (and [5, 6] fetched) when the stop comes.
        let summary = try harness.runCycle(shouldStop: { harness.ticketCount >= 3 })
        #expect(summary.ticketed == 3)
        #expect(harness.processedUIDs == [1, 2, 3])
        #expect(harness.cursor == 3)
        #expect(try harness.runCycle().ticketed == 4)
        #expect(harness.ticketCount == 7)
        #expect(harness.processedUIDs == [1, 2, 3, 4, 5, 6, 7])
    }

    @Test("mail prepared on several threads is committed in UID order, failures included")
    func parallelPreparationOrder() throws {
        let harness = IntakeHarness()
        harness.configuration.batchSize = 16
        harness.classify = { message in
            if message.bodyText.contains("Nummer 13.") { throw ClassifierBroke() }
            return nil
        }
        harness.deliver(40)
        let summary = try harness.runCycle()
        #expect(summary.ticketed == 39 && summary.failed == 1)
        let numbers = (1...39).map { String(1000 + $0) }
        let subjects = try numbers.map { try harness.store.ticket(number: $0)?.subject }
        #expect(subjects == (1...40).filter { $0 != 13 }.map { "Anfrage \($0)" })
        #expect(harness.cursor == 12, "the cursor waits before the failed mail")
    }

    @Test("a dropped connection during FETCH commits nothing and the next cycle recovers")
    func fetchFailure() throws {
        let harness = IntakeHarness()
        harness.deliver(2)
        harness.source.failFetching = true
        #expect(throws: InMemoryMailSource.Failure.self) { try harness.runCycle() }
        #expect(harness.ticketCount == 0)
        harness.source.failFetching = false
        #expect(try harness.runCycle().ticketed == 2)
    }

    @Test("processed mail moves to processedMailbox after the commit")
    func processedMailbox() throws {
        let harness = IntakeHarness()
        harness.configuration.processedMailbox = "Done"
        harness.deliver(2)
        try harness.runCycle()
        #expect(harness.source.messages().isEmpty)
        #expect(harness.source.messages(in: "Done").count == 2)
        #expect(try harness.runCycle() == IntakeSummary())
    }

    @Test("mail the classifier calls automated is recorded without a ticket")
    func automatedMail() throws {
        let harness = IntakeHarness()
        harness.classify = { _ in
            Classification(category: .automated, suggestedHandling: nil, confidence: 1, needsReview: false,
                           language: nil, reasons: [])
        }
        harness.deliver(1)
        #expect(try harness.runCycle().ignored == 1)
        #expect(harness.ticketCount == 0)
        #expect(harness.processedUIDs == [1])
        #expect(try harness.store.ledgerCounts() == [.ignored: 1])
    }

    @Test("mail that arrives while the cycle is busy is taken in by the same cycle")
    func mailArrivingDuringCycle() throws {
        let harness = IntakeHarness()
        harness.deliver(2)
        var deliveredLate = false
        harness.source.onFetch = { [source = harness.source] in
            guard !deliveredLate else { return }
            deliveredLate = true
            source.deliver(IntakeHarness.mail(3))
        }
        #expect(try harness.runCycle().ticketed == 3)
        #expect(harness.cursor == 3)
        #expect(harness.source.fetchRequests == [[1, 2], [3]])
    }
}
