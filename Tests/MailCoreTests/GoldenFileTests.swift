import Foundation
import MailCore
import Testing

// Golden-file tests over every fixture (see GoldenFixtures and Fixtures/README.md).

@Test("The fixture directory holds the golden files")
func fixturesArePresent() {
    #expect(GoldenFixtures.names.count >= 80, "found \(GoldenFixtures.names.count) fixtures in \(GoldenFixtures.directory.path)")
}

@Test("Golden file: the parse of a whole message matches its reviewed .json", arguments: GoldenFixtures.names)
func goldenFile(name: String) throws {
    guard let message = GoldenFixtures.parse(try GoldenFixtures.bytes(name), within: GoldenFixtures.hangLimit) else {
        Issue.record("\(name).eml: the parser did not return within \(GoldenFixtures.hangLimit)")
        return
    }
    let actual = GoldenContractFields(message)
    let expectedURL = GoldenFixtures.url(name, ".json")
    let actualURL = GoldenFixtures.url(name, ".actual.json")
    if GoldenFixtures.isRecording {
        try actual.jsonData().write(to: expectedURL)
    }
    let expected = try GoldenContractFields(json: try Data(contentsOf: expectedURL))
    let mismatched = expected.disagreements(with: actual)
    if mismatched.isEmpty {
        try? FileManager.default.removeItem(at: actualURL)
    } else {
        try actual.jsonData().write(to: actualURL)
    }
    #expect(mismatched.isEmpty, "\(name).eml: fields \(mismatched.joined(separator: ", ")) differ; see \(actualURL.lastPathComponent)")
}

@Test("Every fixture parses quickly, without a trap", arguments: GoldenFixtures.names)
func parsesQuickly(name: String) throws {
    let bytes = try GoldenFixtures.bytes(name)
    let start = ContinuousClock.now
    let message = GoldenFixtures.parse(bytes, within: GoldenFixtures.parseTimeLimit)
    #expect(message != nil, "\(name).eml did not parse within \(GoldenFixtures.parseTimeLimit) (took \(ContinuousClock.now - start) so far)")
}

@Test("Broken input is reported as defects, not silently accepted", arguments: GoldenFixtures.broken)
func brokenFixtureHasDefects(name: String) throws {
    let message = GoldenFixtures.parse(try GoldenFixtures.bytes(name), within: GoldenFixtures.hangLimit)
    #expect(message.map { !$0.defects.isEmpty } == true, "\(name).eml parsed without a defect (or did not return)")
}
