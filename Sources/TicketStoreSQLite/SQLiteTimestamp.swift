import Foundation

/// Times as the store writes them: ISO 8601 UTC with milliseconds, e.g. `2026-11-29T18:46:49.123Z`.
/// Fixed width, so text order is time order.
enum SQLiteTimestamp {
    static func text(_ date: Date) -> String {
        var milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let fraction = Int(((milliseconds % 1000) + 1000) % 1000)
        milliseconds -= Int64(fraction)
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), fraction)
    }

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
