public import Foundation

/// Times as the store and the log write them: ISO 8601 UTC with milliseconds, e.g.
/// `2026-11-29T18:46:49.123Z`. Fixed width, so text order is time order.
public enum UTCTimestamp {
    public static func text(_ date: Date) -> String {
        var milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let fraction = Int(((milliseconds % 1000) + 1000) % 1000)
        milliseconds -= Int64(fraction)
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        // Written digit by digit: String(format:) cost more than the rest of a ticket's commit.
        var text: [UInt8] = []
        text.reserveCapacity(24)
        func append(_ value: Int, digits: Int, then separator: Character?) {
            var divisor = 1
            for _ in 1..<digits { divisor *= 10 }
            var remaining = max(0, value)
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8((remaining / divisor) % 10))
                remaining %= divisor
                divisor /= 10
            }
            if let separator, let ascii = separator.asciiValue { text.append(ascii) }
        }
        append(Int(parts.tm_year) + 1900, digits: 4, then: "-")
        append(Int(parts.tm_mon) + 1, digits: 2, then: "-")
        append(Int(parts.tm_mday), digits: 2, then: "T")
        append(Int(parts.tm_hour), digits: 2, then: ":")
        append(Int(parts.tm_min), digits: 2, then: ":")
        append(Int(parts.tm_sec), digits: 2, then: ".")
        append(fraction, digits: 3, then: "Z")
        return String(decoding: text, as: UTF8.self)
    }

    /// Reads this format back; anything else reads as the epoch rather than trapping.
    public static func date(_ text: String?) -> Date {
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
