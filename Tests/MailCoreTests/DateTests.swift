import Testing
import MailCore

@Suite("Date (RFC 5322 §3.3, §4.3)")
struct DateTests {
    /// Expected instants in UTC, as Python's `email.utils.parsedate_to_datetime` reads them.
    static let dates: [Case<String, String?>] = [
        Case("RFC 5322 §3.3 full date-time with offset", "Sat, 21 Apr 2001 02:18:00 +0200", "2001-04-21T00:18:00Z"),
        Case("RFC 5322 §3.3 negative offset", "Tue, 29 Feb 2000 12:00:00 -0330", "2000-02-29T15:30:00Z"),
        Case("RFC 5322 §3.3 missing weekday", "21 Apr 2001 00:18:00 +0000", "2001-04-21T00:18:00Z"),
        Case("RFC 5322 §3.3 seconds omitted", "Sat, 21 Apr 2001 00:18 +0100", "2001-04-20T23:18:00Z"),
        Case("RFC 5322 §4.3 two-digit year 00-68 is 20xx", "21 Apr 01 00:18 GMT", "2001-04-21T00:18:00Z"),
        Case("RFC 5322 §4.3 two-digit year 69-99 is 19xx", "21 Apr 99 00:18 UT", "1999-04-21T00:18:00Z"),
        Case("RFC 5322 §4.3 obsolete zone EST", "Sat, 21 Apr 2001 00:18:00 EST", "2001-04-21T05:18:00Z"),
        Case("RFC 5322 §4.3 obsolete zone PDT", "Sat, 21 Apr 2001 00:18:00 PDT", "2001-04-21T07:18:00Z"),
        Case("RFC 5322 §4.3 military zone is read as -0000", "Sat, 21 Apr 2001 00:18:00 A", "2001-04-21T00:18:00Z"),
        Case("RFC 5322 §4.3 military zone Z", "Sat, 21 Apr 2001 00:18:00 Z", "2001-04-21T00:18:00Z"),
        Case("RFC 5322 §3.3 -0000 means UTC", "Sat, 21 Apr 2001 00:18:00 -0000", "2001-04-21T00:18:00Z"),
        Case("Missing zone is UTC", "Sat, 21 Apr 2001 00:18:00", "2001-04-21T00:18:00Z"),
        Case("Unknown zone name (CEST) is UTC", "Sat, 21 Apr 2001 00:18:00 CEST", "2001-04-21T00:18:00Z"),
        Case("RFC 5322 §3.3 extra spaces and a trailing comment", "Sat,  21  Apr  2001  00:18:00  +0000 (UTC)", "2001-04-21T00:18:00Z"),
        Case("German mailer with (CET) comment", "Mon, 3 Feb 2025 09:15:00 +0100 (CET)", "2025-02-03T08:15:00Z"),
        Case("Full month name", "Sat, 21 April 2001 00:18 +0100", "2001-04-20T23:18:00Z"),
        Case("No comma after the weekday", "Sat 21 Apr 2001 00:18:00 +0100", "2001-04-20T23:18:00Z"),
        Case("RFC 850 style day-month-year", "Sat, 21-Apr-2001 00:18:00 +0100", "2001-04-20T23:18:00Z"),
        Case("Single-digit hour", "Sat, 21 Apr 2001 0:18:00 +0100", "2001-04-20T23:18:00Z"),
        Case("Month before day (asctime-like)", "Apr 21 2001 00:18:00 +0100", "2001-04-20T23:18:00Z"),
        Case("Dots as time separators", "Sat, 21 Apr 2001 00.18.00 +0100", "2001-04-20T23:18:00Z"),
        Case("Offset crossing the year", "Thu, 01 Jan 1970 00:00:00 +0100", "1969-12-31T23:00:00Z"),
        Case("Unparseable text is null", "garbage", nil),
        Case("ISO 8601 is not an RFC 5322 date", "2001-04-21T00:18:00Z", nil),
        Case("February 31st is null", "Sat, 31 Feb 2001 00:18 +0100", nil),
        Case("Hour 24 is null", "Sat, 21 Apr 2001 24:00:00 +0100", nil),
    ]

    @Test("Date", arguments: dates)
    func date(_ row: Case<String, String?>) {
        let message = parsed("Date: \(row.input)\n\nx")
        #expect(message.date.map(RFC5322Date.iso8601) == row.expected)
        if row.expected == nil { #expect(message.hasDefect(DefectKind.date)) }
    }

    @Test("RFC 5322 §3.6.1 absent Date is null without a defect")
    func absentDate() {
        let message = parsed("Subject: x\n\nx")
        #expect(message.date == nil)
        #expect(!message.hasDefect(DefectKind.date))
    }
}
