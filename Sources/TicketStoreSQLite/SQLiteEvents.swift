import Tickets

/// The audit events in SQLite, shared by the intake and the agent commands.
enum SQLiteEvents {
    static func insert(_ event: TicketEvent, ticketID: Int64, in database: SQLiteDatabase) throws {
        try database.run(
            "INSERT INTO events (ticket_id, kind, actor, detail, created_at) VALUES (?, ?, ?, ?, ?)",
            [.integer(ticketID), .text(event.kind), .text(event.actor), .text(event.detail),
             .text(database.timestampText(event.at))])
    }
}
