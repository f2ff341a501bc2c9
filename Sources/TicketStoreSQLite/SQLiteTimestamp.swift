import Foundation
import Tickets

/// Times as the store writes them: ISO 8601 UTC with milliseconds, e.g. `2026-11-29T18:46:49.123Z`.
/// Fixed width, so text order is time order.
enum SQLiteTimestamp {
    static func text(_ date: Date) -> String { UTCTimestamp.text(date) }

    /// Reads the store's own format back; anything else reads as the epoch rather than trapping.
    static func date(_ text: String?) -> Date {
        guard let text else { return Date(timeIntervalSince1970: 0) }
        let digits = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard digits.count >= 6 else { return Date(timeIntervalSince1970: 0) }
        var parts = tm()
        parts.tm_year = Int32(digits[0] - 1900)
        parts.tm_mon = Int32(digits[1] - 1)
        parts.tm_mday = Int32(digits[2])
        parts.tm_hour = Int32(digits[3])
        parts.tm_min = Int32(digits[4])
        parts.tm_sec = Int32(digits[5])
        let milliseconds = digits.count > 6 ? Double(digits[6]) / 1000 : 0
        return Date(timeIntervalSince1970: Double(timegm(&parts)) + milliseconds)
    }
}
