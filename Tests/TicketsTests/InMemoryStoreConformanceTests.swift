import Testing
import Tickets

/// The shared `TicketStore` conformance suite against the in-memory twin (the SQLite store runs
/// the same checks in IntegrationTests).
struct InMemoryStoreConformanceTests {
    @Test("in-memory store", arguments: TicketStoreConformance.checks.map(\.name))
    func conformance(check name: String) throws {
        let check = try #require(TicketStoreConformance.check(named: name))
        try check.run(InMemoryTicketStore())
    }
}
