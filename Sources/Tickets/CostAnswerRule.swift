public import Foundation
public import Triage

/// What a customer's answer to the cost notice does to an extended ticket: acceptance records
/// consent and lets the work start (`open`), a refusal clears it. Answers on tickets that are not
/// extended, or that repeat what is already on record, change nothing.
public enum CostAnswerRule {
    public struct Effect: Sendable, Hashable {
        public var costAccepted: Bool
        public var status: TicketStatus
        public var event: TicketEvent

        public init(costAccepted: Bool, status: TicketStatus, event: TicketEvent) {
            self.costAccepted = costAccepted
            self.status = status
            self.event = event
        }
    }

    public static let actor = "customer"

    public static func effect(of answer: CostAnswer, on ticket: Ticket, at date: Date) -> Effect? {
        guard ticket.handling == .extended else { return nil }
        switch answer {
        case .accepted(let evidence):
            guard ticket.costAccepted != true else { return nil }
            // An agent still has to confirm a ticket in review; acceptance alone does not skip that.
            let status: TicketStatus = [.new, .awaitingCostAcceptance].contains(ticket.status) ? .open : ticket.status
            return Effect(costAccepted: true, status: status, event: TicketEvent(
                kind: "cost.accepted", actor: actor, detail: "by mail: \"\(evidence)\"", at: date))
        case .refused(let evidence):
            guard ticket.costAccepted != false else { return nil }
            let status: TicketStatus = ticket.status == .open ? .awaitingCostAcceptance : ticket.status
            return Effect(costAccepted: false, status: status, event: TicketEvent(
                kind: "cost.refused", actor: actor, detail: "by mail: \"\(evidence)\"", at: date))
        }
    }
}
