import Testing
import Tickets

@Suite("What agents type is checked before the store is touched")
struct AgentInputTests {
    @Test("minutes: whole numbers from 1 to a day", arguments: [("7", 7), ("1", 1), ("1440", 1440), ("+15", 15)])
    func goodMinutes(text: String, expected: Int) throws {
        #expect(try AgentInput.minutes(text) == expected)
    }

    @Test("minutes: zero, negative, fractions, words, absurd amounts are refused",
          arguments: ["0", "-5", "7.5", "abc", "", " 7", "1441", "99999999999999999999", "١٢"])
    func badMinutes(text: String) {
        #expect(throws: AgentInput.Problem.self) { try AgentInput.minutes(text) }
    }

    @Test("agent names: required, trimmed, no control characters")
    func agents() throws {
        #expect(try AgentInput.agent("  alice ") == "alice")
        #expect(throws: AgentInput.Problem.self) { try AgentInput.agent(nil) }
        #expect(throws: AgentInput.Problem.self) { try AgentInput.agent("   ") }
        #expect(throws: AgentInput.Problem.self) { try AgentInput.agent("ali\nce") }
        #expect(throws: AgentInput.Problem.self) { try AgentInput.agent(String(repeating: "a", count: 101)) }
    }

    @Test("notes: blank is none")
    func notes() throws {
        #expect(try AgentInput.note("  ") == nil)
        #expect(try AgentInput.note(" called back ") == "called back")
    }

    @Test("months: YYYY-MM exactly", arguments: [("2026-11", 2026, 11), ("2026-01", 2026, 1), ("1999-12", 1999, 12)])
    func goodMonths(text: String, year: Int, month: Int) throws {
        let parsed = try BillingMonth(text)
        #expect(parsed.year == year && parsed.month == month && parsed.description == text)
    }

    @Test("months: anything else is refused",
          arguments: ["2026-13", "2026-00", "2026-1", "abc", "2026/11", "26-11", "2026-11-01", "", "0000-01", "2026-1a", "２０２６-11"])
    func badMonths(text: String) {
        #expect(throws: AgentInput.Problem.self) { try BillingMonth(text) }
    }

    @Test("the month after December is January of the next year")
    func next() throws {
        #expect(try BillingMonth("2026-12").next.description == "2027-01")
        #expect(try BillingMonth("2026-09").next.description == "2026-10")
    }
}
