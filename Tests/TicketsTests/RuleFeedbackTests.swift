import Testing
import Tickets

@Suite("triage stats: agents' decisions per rule")
struct RuleFeedbackTests {
    @Test("counts confirmations, overrides by direction and undecided tickets; most overridden first")
    func rows() throws {
        let rows = RuleFeedback.rows([
            .init(rules: ["vps_root", "urgent"], suggested: .extended, confirmed: .extended),
            .init(rules: ["vps_root"], suggested: .extended, confirmed: .standard),
            .init(rules: ["faq_mailbox", "urgent"], suggested: .standard, confirmed: .extended),
            .init(rules: ["faq_mailbox"], suggested: .standard, confirmed: .extended),
            .init(rules: ["faq_mailbox"], suggested: .standard, confirmed: nil),
            .init(rules: ["quiet"], suggested: nil, confirmed: .standard),
        ])
        #expect(rows.map(\.rule) == ["faq_mailbox", "quiet", "urgent", "vps_root"])
        let mailbox = try #require(rows.first)
        #expect(mailbox.fired == 3 && mailbox.overridden == 2 && mailbox.overriddenToExtended == 2 && mailbox.undecided == 1)
        #expect(mailbox.overrideShare == 1)
        let vps = try #require(rows.last)
        #expect(vps.confirmed == 1 && vps.overriddenToStandard == 1 && vps.overrideShare == 0.5)
        #expect(rows[1].overridden == 1, "no suggestion and an agent's decision counts as an override")
    }
}
