/// How ticket numbers are made: sequential integers starting at `first`, assigned by the store
/// inside the transaction that creates the ticket, never reused.
///
/// Starting at 1001 keeps every number at four digits or more, so `[Ticket#1001]` is not confused
/// with the small numbers people write in subjects ("Frage 1"), and the number gives away nothing
/// but roughly how many tickets came before. A PostgreSQL adapter would use a sequence with the
/// same start.
public enum TicketNumbering {
    public static let first = 1001

    /// The number after `highest` (or the first one when there is no ticket yet).
    public static func next(after highest: Int?) -> Int {
        guard let highest else { return first }
        return max(highest + 1, first)
    }
}
