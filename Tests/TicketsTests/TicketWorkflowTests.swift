import Foundation
import Testing
import Tickets

@Suite("Agent decisions as pure transitions (TicketWorkflow)")
struct TicketWorkflowTests {
    static func ticket(_ status: TicketStatus, suggested: Handling?, accepted: Bool? = nil, confirmedBy: String? = nil) -> Ticket {
        Ticket(number: "1001", status: status, customer: "kunde@example.org", subject: "Hilfe", suggestedHandling: suggested,
               confirmedHandling: confirmedBy == nil ? nil : suggested, confirmedBy: confirmedBy, costAccepted: accepted,
               createdAt: Date(timeIntervalSince1970: 0))
    }

    struct ConfirmCase: Sendable, CustomTestStringConvertible {
        var status: TicketStatus
        var suggested: Handling?
        var requested: Handling?
        var accepted: Bool?
        var costNoticeSent: Bool
        var expectedStatus: TicketStatus
        var expectedNotice: CustomerNotice?
        var expectedOverride: Bool
        var testDescription: String {
            "\(status.rawValue) \(suggested?.rawValue ?? "none") → \(requested?.rawValue ?? "keep")"
                + " (accepted \(accepted.map(String.init) ?? "-"), notice sent \(costNoticeSent))"
        }
    }

    @Test("confirm: status and the notice the customer is owed", arguments: [
        ConfirmCase(status: .new, suggested: .standard, requested: nil, accepted: nil, costNoticeSent: false,
                    expectedStatus: .open, expectedNotice: nil, expectedOverride: false),
        ConfirmCase(status: .new, suggested: .standard, requested: .extended, accepted: nil, costNoticeSent: false,
                    expectedStatus: .awaitingCostAcceptance, expectedNotice: .costNotice, expectedOverride: true),
        ConfirmCase(status: .awaitingCostAcceptance, suggested: .extended, requested: .standard, accepted: nil,
                    costNoticeSent: true, expectedStatus: .open, expectedNotice: .handlingChanged, expectedOverride: true),
        ConfirmCase(status: .awaitingCostAcceptance, suggested: .extended, requested: nil, accepted: nil, costNoticeSent: true,
                    expectedStatus: .awaitingCostAcceptance, expectedNotice: nil, expectedOverride: false),
        ConfirmCase(status: .open, suggested: .extended, requested: .extended, accepted: true, costNoticeSent: true,
                    expectedStatus: .open, expectedNotice: nil, expectedOverride: false),
        // Unsure extended: the customer only got a neutral receipt, so confirming owes the cost notice.
        ConfirmCase(status: .needsReview, suggested: .extended, requested: nil, accepted: nil, costNoticeSent: false,
                    expectedStatus: .awaitingCostAcceptance, expectedNotice: .costNotice, expectedOverride: false),
        ConfirmCase(status: .needsReview, suggested: nil, requested: .standard, accepted: nil, costNoticeSent: false,
                    expectedStatus: .open, expectedNotice: nil, expectedOverride: true),
        ConfirmCase(status: .needsReview, suggested: nil, requested: .extended, accepted: nil, costNoticeSent: false,
                    expectedStatus: .awaitingCostAcceptance, expectedNotice: .costNotice, expectedOverride: true),
    ])
    func confirm(_ test: ConfirmCase) throws {
        let ticket = Self.ticket(test.status, suggested: test.suggested, accepted: test.accepted)
        let result = try TicketWorkflow.confirm(ticket, as: test.requested, costNoticeSent: test.costNoticeSent)
        #expect(result.status == test.expectedStatus)
        #expect(result.notice == test.expectedNotice)
        #expect(result.isOverride == test.expectedOverride)
        #expect(result.statusBefore == test.status)
    }

    @Test("confirm refuses a second confirmation, a closed ticket and a ticket without any handling")
    func confirmRefusals() {
        #expect(throws: WorkflowRefusal.alreadyConfirmed(ticket: "1001", by: "alice", handling: .standard)) {
            try TicketWorkflow.confirm(Self.ticket(.open, suggested: .standard, confirmedBy: "alice"), as: .extended,
                                       costNoticeSent: false)
        }
        #expect(throws: WorkflowRefusal.closed(ticket: "1001")) {
            try TicketWorkflow.confirm(Self.ticket(.closed, suggested: .standard), as: nil, costNoticeSent: false)
        }
        #expect(throws: WorkflowRefusal.noHandling(ticket: "1001")) {
            try TicketWorkflow.confirm(Self.ticket(.needsReview, suggested: nil), as: nil, costNoticeSent: false)
        }
    }

    @Test("accepting costs opens a waiting ticket, keeps one in review, and is refused where there are no costs",
          arguments: [
            (TicketStatus.awaitingCostAcceptance, TicketStatus.open), (.new, .open), (.needsReview, .needsReview), (.open, .open),
          ])
    func acceptCosts(from: TicketStatus, to: TicketStatus) throws {
        #expect(try TicketWorkflow.acceptCosts(Self.ticket(from, suggested: .extended)) == to)
    }

    @Test("accept-costs refusals")
    func acceptRefusals() {
        #expect(throws: WorkflowRefusal.notExtended(ticket: "1001", handling: .standard)) {
            try TicketWorkflow.acceptCosts(Self.ticket(.new, suggested: .standard))
        }
        #expect(throws: WorkflowRefusal.alreadyAccepted(ticket: "1001")) {
            try TicketWorkflow.acceptCosts(Self.ticket(.open, suggested: .extended, accepted: true))
        }
        #expect(throws: WorkflowRefusal.closed(ticket: "1001")) {
            try TicketWorkflow.acceptCosts(Self.ticket(.closed, suggested: .extended))
        }
    }

    @Test("time on an extended ticket without acceptance needs --force and a note")
    func logTime() throws {
        let waiting = Self.ticket(.awaitingCostAcceptance, suggested: .extended)
        #expect(throws: WorkflowRefusal.costsNotAccepted(ticket: "1001")) {
            try TicketWorkflow.logTime(on: waiting, force: false, note: "x")
        }
        #expect(throws: WorkflowRefusal.forceNeedsNote(ticket: "1001")) {
            try TicketWorkflow.logTime(on: waiting, force: true, note: "  ")
        }
        #expect(try TicketWorkflow.logTime(on: waiting, force: true, note: "server down, customer on the phone"))
        #expect(try !TicketWorkflow.logTime(on: Self.ticket(.open, suggested: .extended, accepted: true), force: false, note: nil))
        #expect(try !TicketWorkflow.logTime(on: Self.ticket(.new, suggested: .standard), force: false, note: nil))
    }

    @Test("any ticket but a closed one can be closed", arguments: [TicketStatus.new, .needsReview, .awaitingCostAcceptance, .open])
    func close(from: TicketStatus) throws {
        #expect(try TicketWorkflow.close(Self.ticket(from, suggested: .standard)) == .closed)
        #expect(throws: WorkflowRefusal.closed(ticket: "1001")) {
            try TicketWorkflow.close(Self.ticket(.closed, suggested: .standard))
        }
    }

    @Test("only extended tickets with accepted costs bill their quarter hours")
    func billable() {
        #expect(Self.ticket(.open, suggested: .extended, accepted: true).billableQuarterHours(totalMinutes: 37) == 3)
        #expect(Self.ticket(.awaitingCostAcceptance, suggested: .extended).billableQuarterHours(totalMinutes: 37) == 0)
        #expect(Self.ticket(.open, suggested: .standard, accepted: true).billableQuarterHours(totalMinutes: 37) == 0)
    }
}
