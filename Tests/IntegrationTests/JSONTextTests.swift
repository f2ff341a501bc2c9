import Foundation
import Testing
import Tickets
@testable import TicketStoreSQLite

/// The hand-written JSON of the store's reasons column: plain text goes in as it is, text that
/// needs escaping goes through `JSONString`; either way a JSON reader gets the same values back.
struct JSONTextTests {
    @Test("reasons read back unchanged", arguments: [
        "plain evidence: Webspace nicht erreichbar",
        "Umlaute äöü and emoji 🙂 stay UTF-8",
        "a \"quoted\" word and a back\\slash",
        "line\nbreak, tab\t, bell \u{7}, delete \u{7F}",
        "",
    ])
    func roundTrip(evidence: String) throws {
        let reasons = [
            ClassificationReason(rule: "webspace-down", weight: 2, evidence: evidence),
            ClassificationReason(rule: "rule \"two\"", weight: -0.75, evidence: "second"),
        ]
        let text = JSONText.encode(reasons)
        let decoded = try JSONDecoder().decode([ClassificationReason].self, from: Data(text.utf8))
        #expect(decoded == reasons)
    }

    /// Whole numbers and halves below 1e15 are written digit by digit; the text must be what `JSONEncoder`
    /// writes (other readers and old rows compare as text), and every weight must read back exactly.
    @Test("weights are written as JSONEncoder writes them", arguments: [
        0.0, 1, 2, 6.5, 0.5, -0.5, -3, -2.5, 12345, 0.75, -0.25, 1e14 + 0.5, 1e20, 3.0e-5,
    ])
    func weights(weight: Double) throws {
        let reasons = [ClassificationReason(rule: "r", weight: weight, evidence: "e")]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(JSONText.encode(reasons) == String(decoding: try encoder.encode(reasons), as: UTF8.self))
        let decoded = try JSONDecoder().decode([ClassificationReason].self, from: Data(JSONText.encode(reasons).utf8))
        #expect(decoded == reasons)
    }

    @Test("lists of strings read back unchanged")
    func stringList() throws {
        let notes = ["message truncated: kept 10 of 20 bytes", "\"quoted\" \\ and\nnewline", "", "äöü 🙂"]
        let decoded = try JSONDecoder().decode([String].self, from: Data(JSONText.encode(notes).utf8))
        #expect(decoded == notes)
        #expect(JSONText.encode([String]()) == "[]")
    }
}
