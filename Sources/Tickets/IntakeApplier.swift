import Foundation

/// What the intake commits for one message, over any store's `IntakeWriter` (call it inside the
/// store's transaction).
public enum IntakeApplier {
    /// How far back the per-recipient reply budget looks.
    public static let replyHistorySeconds = 86_400.0

    public static func apply(_ record: IntakeRecord, responder: (any Responder)?, to writer: some IntakeWriter) throws -> IntakeOutcome {
        let outcome: IntakeOutcome
        switch record.action {
        case .ignore(let reason):
            try writer.storeMessage(record, ticket: nil)
            outcome = .ignored(reason: reason)
        case .newTicket(var fields):
            if let original = try writer.duplicateTicket(of: record) {
                try writer.addEvent(IntakeEvents.duplicate(record), ticket: original)
                outcome = .duplicate(of: original)
            } else {
                switch try followUpDecision(record, writer) {
                case .join(let number, let reason):
                    try joinFollowUp(record, ticket: number, reason: reason, responder: responder, writer)
                    outcome = .followUp(ticket: number)
                case .newTicket(let note):
                    if let note { fields.notes.append(note) }
                    let ticket = try writer.createTicket(fields, record: record)
                    for event in IntakeEvents.created(record, notes: fields.notes) { try writer.addEvent(event, ticket: ticket.number) }
                    if let classification = record.classification {
                        try writer.addClassification(classification, ticket: ticket.number, at: record.receivedAt)
                    }
                    try respond(record, ticket: ticket, isFollowUp: false, costAnswer: nil, responder: responder, writer)
                    outcome = .ticketed(number: ticket.number)
                }
            }
        }
        try writer.settleLedger(record, outcome: outcome)
        return outcome
    }

    private static func followUpDecision(_ record: IntakeRecord, _ writer: some IntakeWriter) throws -> FollowUpRule.Decision {
        let hints = record.thread
        if hints.isEmpty { return .newTicket(note: nil) }
        let byReference = try writer.ticketAnswered(byAnyOf: hints.referencedMessageIDs)
        let byNumber = byReference == nil ? try hints.mentionedTicket.flatMap(writer.ticket(number:)) : nil
        return FollowUpRule.decide(
            hints, byReference: byReference,
            byNumber: byNumber.map { FollowUpRule.Candidate(number: $0.number, customer: $0.customer) })
    }

    private static func joinFollowUp(
        _ record: IntakeRecord, ticket number: String, reason: String, responder: (any Responder)?, _ writer: some IntakeWriter
    ) throws {
        try writer.storeMessage(record, ticket: number)
        try writer.addEvent(IntakeEvents.followUp(record, reason: reason), ticket: number)
        if let classification = record.classification {
            try writer.addClassification(classification, ticket: number, at: record.receivedAt)
        }
        guard var ticket = try writer.ticket(number: number) else { return }
        var effect: CostAnswerRule.Effect?
        if let answer = record.costAnswer, let change = CostAnswerRule.effect(of: answer, on: ticket, at: record.receivedAt) {
            try writer.recordCostAnswer(change, ticket: number, record: record)
            try writer.addEvent(change.event, ticket: number)
            ticket.costAccepted = change.costAccepted
            ticket.status = change.status
            effect = change
        } else if ticket.status == .closed {
            // New mail on a closed ticket goes back to an agent instead of vanishing in the archive.
            try writer.setStatus(.needsReview, ticket: number, at: record.receivedAt)
            try writer.addEvent(IntakeEvents.reopened(record), ticket: number)
            ticket.status = .needsReview
        }
        try respond(record, ticket: ticket, isFollowUp: true, costAnswer: effect, responder: responder, writer)
    }

    private static func respond(
        _ record: IntakeRecord, ticket: Ticket, isFollowUp: Bool, costAnswer: CostAnswerRule.Effect?,
        responder: (any Responder)?, _ writer: some IntakeWriter
    ) throws {
        guard let responder else { return }
        let since = record.receivedAt.addingTimeInterval(-replyHistorySeconds)
        let earlier = try record.replyAddress.map { try writer.repliesSent(to: $0, since: since) } ?? []
        let situation = ReplySituation(record: record, ticket: ticket, isFollowUp: isFollowUp,
                                       recordedCostAnswer: costAnswer, earlierReplies: earlier)
        switch responder.respond(to: situation) {
        case .send(let message):
            try writer.enqueue(message, ticket: ticket.number, at: record.receivedAt)
            try writer.addEvent(IntakeEvents.replyQueued(message, at: record.receivedAt), ticket: ticket.number)
        case .suppress(let reason):
            try writer.addEvent(IntakeEvents.replySuppressed(reason: reason, at: record.receivedAt), ticket: ticket.number)
        }
    }
}
