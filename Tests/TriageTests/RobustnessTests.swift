import Foundation
import MailCore
import Testing
@testable import Triage

/// Malformed or hostile input is data: classification returns a result and never traps.
@Suite struct RobustnessTests {
    static let bodies: [String] = [
        "",
        " \n\n\t\r\n",
        String(repeating: "Störung ", count: 30_000),
        String(repeating: ">", count: 5_000),
        "e\u{301}\u{301}\u{301} 🙂🙂 \u{0} \u{FEFF}ich .. habe | * <num> geloescht",
        "-- \n-- \n--\nAm schrieb:\nVon:\nFrom:",
        "Ticket# Ticket-Nr. 12 Ticket 1234567890123456789012345678901234567890",
        String(repeating: "a-", count: 10_000),
        "İSTANBUL ǅ ß ẞ Ä-Ö-Ü e-mail E-",
    ]

    @Test(arguments: bodies.indices)
    func oddBodiesClassify(_ index: Int) throws {
        let message = TriageFixtures.message(subject: Self.bodies[index].prefix(200).description, body: Self.bodies[index])
        let result = try TriageFixtures.classifier().classify(message)
        #expect((0...1).contains(result.confidence))
    }

    /// A fixed-seed xorshift generator: a failure can be reproduced.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    @Test func rawBytesThroughTheParserClassify() throws {
        var generator = SeededGenerator(state: 0x5EED_1792)
        for _ in 0..<50 {
            let bytes = (0..<Int.random(in: 0..<4_000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let result = try TriageFixtures.classifier().classify(MessageParser.parse(bytes))
            #expect(TriageCategory.allCases.contains(result.category))
        }
    }
}
