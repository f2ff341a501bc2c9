import Replies
import Tickets

/// Composes the customer notices agents' decisions owe (cost notice, handling changed) with the
/// responder's templates; off, like every reply, when the configuration has no `smtp` section.
struct AgentNotices {
    let planner: ReplyPlanner?

    /// An incomplete reply configuration is a configuration error (exit 2), checked before any change.
    init(_ configuration: GatewayConfiguration) throws {
        do {
            planner = try ReplySetup.load(configuration)?.planner
        } catch let error as ConfigurationError {
            throw CommandError.usage(error.description)
        }
    }

    func compose(_ request: NoticeRequest) -> OutboxMessage? {
        guard let planner else { return nil }
        let kind: ReplyKind
        switch request.notice {
        case .costNotice: kind = .costNotice
        case .handlingChanged: kind = .handlingChanged
        case .costAccepted: kind = .costAccepted
        }
        return planner.notice(
            kind, ticket: request.ticket, language: request.language ?? TemplateCatalog.defaultLanguage,
            recipient: request.ticket.customer, recipientName: request.recipientName, inReplyTo: request.inReplyTo,
            references: request.references, key: request.key, date: request.at, acceptedVia: request.acceptedVia)
    }
}
