import Foundation
public import Tickets

extension SQLiteTicketStore {
    /// One write transaction: the ledger check, then `IntakeApplier` over this database's rows, so
    /// the duplicate and follow-up lookups and the inserts cannot interleave with another process.
    public func commitIntake(_ record: IntakeRecord, responder: (any Responder)?) throws -> IntakeOutcome {
        try database.writeTransaction {
            if let existing = try ledgerEntry(record.key), existing.state.isSettled { return .alreadySettled(existing) }
            return try IntakeApplier.apply(record, responder: responder, to: SQLiteIntakeWriter(database: database))
        }
    }
}
