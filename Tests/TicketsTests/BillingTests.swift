import Testing
import Tickets

@Suite("Billing per started quarter hour (FAQ 1792)")
struct BillingTests {
    @Test("started quarter hours", arguments: [
        (0, 0), (1, 1), (14, 1), (15, 1), (16, 2), (30, 2), (31, 3), (37, 3), (45, 3), (46, 4), (600, 40), (-5, 0),
    ])
    func quarterHours(minutes: Int, expected: Int) {
        #expect(QuarterHourBilling.quarterHours(totalMinutes: minutes) == expected)
    }

    @Test("rounding is per ticket: 7 + 10 + 20 minutes bill 3 quarter hours, not 4")
    func perTicketRounding() {
        let entries = [7, 10, 20]
        #expect(QuarterHourBilling.quarterHours(totalMinutes: entries.reduce(0, +)) == 3)
        #expect(entries.map { QuarterHourBilling.quarterHours(totalMinutes: $0) }.reduce(0, +) == 4)
    }

    @Test("amounts are integer cents and overflow is caught")
    func amounts() {
        #expect(QuarterHourBilling.amountCents(quarterHours: 3, rateCents: 2500) == 7500)
        #expect(QuarterHourBilling.amountCents(quarterHours: Int.max / 2, rateCents: 2500) == nil)
    }

    @Test("money is shown the way customers read it", arguments: [
        (2500, "de", "25,00 €"), (7500, "en", "EUR 75.00"), (123_450, "de", "1.234,50 €"),
        (123_450, "en", "EUR 1,234.50"), (5, "de", "0,05 €"), (-2500, "de", "-25,00 €"),
    ])
    func formatting(cents: Int, language: String, expected: String) {
        #expect(MoneyAmount(cents: cents, currency: "EUR").formatted(language: language) == expected)
    }

    @Test("CSV decimals", arguments: [(2500, false, "25.00"), (2507, true, "25,07"), (0, false, "0.00")])
    func decimals(cents: Int, comma: Bool, expected: String) {
        #expect(MoneyAmount(cents: cents, currency: "EUR").decimalString(decimalComma: comma) == expected)
    }
}
