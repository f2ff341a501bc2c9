public import Foundation

/// Reads a `Date` header (RFC 5322 §3.3, with the §4.3 obsolete forms) the way Python's
/// `email.utils.parsedate_tz` does: optional weekday, two-digit years (< 69 → 20xx, else 19xx),
/// obsolete zones (UT, GMT, EST…), RFC 850 `21-Apr-2001`, `.` as time separator, month and day
/// swapped, extra whitespace and trailing comments. A missing, unknown or military zone and
/// `-0000` mean UTC (RFC 5322 §4.3: military zones are unreliable and read as -0000).
public enum RFC5322Date {
    private typealias Word = ArraySlice<UInt8>

    private static let months: [[UInt8]] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                            "dec"].map { Array($0.utf8) }
    private static let fullMonths: [[UInt8]] = ["january", "february", "march", "april", "may", "june", "july", "august",
                                                "september", "october", "november", "december"].map { Array($0.utf8) }
    private static let weekdays: [[UInt8]] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map { Array($0.utf8) }
    /// RFC 5322 §4.3 obs-zone, in ±HHMM.
    private static let zones: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "AST": -400, "ADT": -300, "EST": -500, "EDT": -400,
        "CST": -600, "CDT": -500, "MST": -700, "MDT": -600, "PST": -800, "PDT": -700,
    ]
    /// Longest name in `zones`.
    private static let longestZoneName = 3

    /// The instant, or nil when the value is not a date.
    public static func parse(_ value: String) -> Date? {
        parse(utf8: Array(value.utf8))
    }

    /// The instant, or nil: the same reading on the UTF-8 bytes of the value (every separator,
    /// digit and name of a date is ASCII, so no `String` is needed).
    static func parse(utf8 value: [UInt8]) -> Date? {
        var words = Self.words(value)
        guard let first = words.first else { return nil }
        if first.last == comma || index(of: first, in: weekdays) != nil {
            words.removeFirst()
        } else if let comma = first.lastIndex(of: comma) {
            words[0] = first[(comma + 1)...]
        }
        if words.count == 3 {
            let pieces = Self.pieces(words[0], separator: ASCII.hyphen)
            if pieces.count == 3 { words = pieces + words[1...] }
        }
        if words.count == 4 {
            let last = words[3]
            if let sign = last.firstIndex(where: { $0 == plus || $0 == ASCII.hyphen }), sign != last.startIndex {
                words[3...] = [last[..<sign], last[sign...]]
            } else {
                words.append(Word())
            }
        }
        guard words.count >= 5 else { return nil }
        var (day, month, year, time, zone) = (words[0], words[1], words[2], words[3], words[4])
        guard !day.isEmpty, !month.isEmpty, !year.isEmpty else { return nil }
        var monthNumber = monthIndex(month)
        if monthNumber == nil {
            (day, month) = (month, day)
            monthNumber = monthIndex(month)
        }
        guard let monthNumber else { return nil }
        if day.last == comma { day.removeLast() }
        if year.contains(ASCII.colon) { (year, time) = (time, year) }
        if year.last == comma { year.removeLast() }
        guard let yearFirst = year.first else { return nil }
        if !startsWithNumber(year, first: yearFirst) { (year, zone) = (zone, year) }
        if time.last == comma { time.removeLast() }
        var clock = pieces(time, separator: ASCII.colon)
        if clock.count == 1 { clock = pieces(time, separator: dot) }
        guard clock.count == 2 || clock.count == 3 else { return nil }
        guard let yearValue = integer(year), let dayValue = integer(day), let hour = integer(clock[0]),
              let minute = integer(clock[1]), let second = clock.count == 3 ? integer(clock[2]) : 0 else { return nil }
        let fullYear = yearValue < 100 ? (yearValue > 68 ? yearValue + 1900 : yearValue + 2000) : yearValue
        guard (1...9999).contains(fullYear), (1...daysIn(month: monthNumber, year: fullYear)).contains(dayValue),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        let offset = zoneOffsetSeconds(zone)
        let days = daysSinceEpoch(year: fullYear, month: monthNumber, day: dayValue)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Most dates have six words (weekday, day, month, year, time, zone); room for a comment too.
    private static let expectedWords = 8

    /// The words between runs of space, tab, CR and LF (`split` without its array growth).
    private static func words(_ value: [UInt8]) -> [Word] {
        var words: [Word] = []
        words.reserveCapacity(expectedWords)
        var start = 0
        for index in 0...value.count where index == value.count || ASCII.isWhitespace(value[index]) {
            if index > start { words.append(value[start..<index]) }
            start = index + 1
        }
        return words
    }

    /// The pieces of `word` between single `separator`s, empty pieces kept.
    private static func pieces(_ word: Word, separator: UInt8) -> [Word] {
        var pieces: [Word] = []
        pieces.reserveCapacity(expectedWords)
        var start = word.startIndex
        for index in word.startIndex...word.endIndex where index == word.endIndex || word[index] == separator {
            pieces.append(word[start..<index])
            start = index + 1
        }
        return pieces
    }

    private static let comma = UInt8(ascii: ",")
    private static let plus = UInt8(ascii: "+")
    private static let dot = UInt8(ascii: ".")

    /// Index in `names` (lower-case ASCII) of the word, compared case-insensitively.
    private static func index(of word: Word, in names: [[UInt8]]) -> Int? {
        names.firstIndex { name in
            name.count == word.count && zip(name, word).allSatisfy { $0 == ASCII.lowercased($1) }
        }
    }

    private static func monthIndex(_ name: Word) -> Int? {
        if let index = index(of: name, in: months) { return index + 1 }
        if let index = index(of: name, in: fullMonths) { return index + 1 }
        return nil
    }

    /// `Character.isNumber` of the word's first character (non-ASCII numerals count, as before).
    private static func startsWithNumber(_ word: Word, first: UInt8) -> Bool {
        if first < 0x80 { return first >= 0x30 && first <= 0x39 }
        return String(decoding: word, as: UTF8.self).first?.isNumber ?? false
    }

    /// `Int(String)` on bytes: an optional sign, then one or more decimal digits; nil on overflow.
    private static func integer(_ word: Word) -> Int? {
        var digits = word
        var negative = false
        if let sign = digits.first, sign == plus || sign == ASCII.hyphen {
            negative = sign == ASCII.hyphen
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let digit = Int(byte - 0x30)
            let (shifted, shiftOverflow) = value.multipliedReportingOverflow(by: 10)
            let (next, addOverflow) = negative ? shifted.subtractingReportingOverflow(digit)
                                               : shifted.addingReportingOverflow(digit)
            if shiftOverflow || addOverflow { return nil }
            value = next
        }
        return value
    }

    /// Offset east of UTC in seconds; 0 for unknown zones, military letters and -0000.
    private static func zoneOffsetSeconds(_ zone: Word) -> Int {
        if zone.count <= longestZoneName || !ASCII.isSevenBit(zone),
           let known = zones[String(decoding: zone, as: UTF8.self).uppercased()] {
            return (known / 100) * 3600
        }
        guard let numeric = integer(zone), numeric > -10_000, numeric < 10_000 else { return 0 }
        let magnitude = abs(numeric)
        let seconds = (magnitude / 100) * 3600 + (magnitude % 100) * 60
        return numeric < 0 ? -seconds : seconds
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to the civil date (Howard Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// ISO 8601 in UTC, e.g. `2001-04-21T00:18:00Z` (the `parse --json` form).
    public static func iso8601(_ date: Date) -> String {
        let (days, secondsOfDay) = daysAndSeconds(date)
        let (year, month, day) = civil(fromDays: days)
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(secondsOfDay / 3600)):\(two(secondsOfDay % 3600 / 60)):\(two(secondsOfDay % 60))Z"
    }

    /// The RFC 5322 §3.3 date-time for a generated Date header, in UTC: `Sun, 29 Nov 2026 18:41:46 +0000`.
    /// Computed arithmetically (no locale, no time-zone database), so it is the same everywhere.
    public static func headerValue(_ date: Date) -> String {
        let (days, secondsOfDay) = daysAndSeconds(date)
        let (year, month, day) = civil(fromDays: days)
        let weekday = weekdayNames[((days % 7) + 7 + 4) % 7]
        return "\(weekday), \(day) \(monthNames[month - 1]) \(year) "
            + "\(two(secondsOfDay / 3600)):\(two(secondsOfDay % 3600 / 60)):\(two(secondsOfDay % 60)) +0000"
    }

    private static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Whole days since 1970-01-01 and the second of that day (floor division, also before 1970).
    private static func daysAndSeconds(_ date: Date) -> (days: Int, secondsOfDay: Int) {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        var days = total / 86_400
        var secondsOfDay = total % 86_400
        if secondsOfDay < 0 {
            secondsOfDay += 86_400
            days -= 1
        }
        return (days, secondsOfDay)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// Howard Hinnant's `civil_from_days`.
    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
