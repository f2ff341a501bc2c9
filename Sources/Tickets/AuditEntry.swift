/// An audit event with the structured data an agent's decision carries (`before`, `after`, `note`, …).
public struct AuditEntry: Sendable, Hashable {
    public var event: TicketEvent
    public var data: [String: String]

    public init(event: TicketEvent, data: [String: String]) {
        self.event = event
        self.data = data
    }
}
