import Foundation
import MailCore

/// Golden files: each `Fixtures/NAME.eml` beside `Fixtures/NAME.json`, the reviewed expected
/// `parse --json` fields (generated once by scripts/parse-reference.py, corrected by hand where
/// Python's `email` is wrong; see Fixtures/README.md). A mismatch writes `NAME.actual.json` beside
/// the fixture. `SUPPORT_INTAKE_RECORD=1` re-records the expected files from the parser's output.
enum GoldenFixtures {
    /// Found from this file's path, so that re-recording writes into the source tree.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".eml") }.map { String($0.dropLast(4)) }.sorted()
    }()

    /// Fixtures whose input is broken in a way every careful parser notices.
    static let broken = [
        "m-multipart-missing-boundary-param", "m-multipart-mismatched-boundary", "m-multipart-no-closing-boundary",
        "m-multipart-empty-body", "t-base64-garbage", "t-quoted-printable-broken", "t-unknown-encoding",
        "h-whitespace-before-colon-and-junk-line", "h-long-header-line-over-998", "l-no-headers-just-text",
        "l-nul-bytes", "l-utf8-bom", "ew-broken-bad-base64", "c-mislabelled-latin1-as-utf8", "d-unparseable",
    ]

    /// A parse of one fixture may take at most this long (debug build): a slower one hints at a hang.
    static let parseTimeLimit = Duration.seconds(1)
    /// How long a golden-file test waits for the parser before it reports a hang.
    static let hangLimit = Duration.seconds(5)

    static var isRecording: Bool { ProcessInfo.processInfo.environment["SUPPORT_INTAKE_RECORD"] == "1" }

    static func url(_ name: String, _ suffix: String) -> URL {
        directory.appendingPathComponent(name + suffix)
    }

    /// Parses on a thread of its own and gives up after `limit`, so that a parser that hangs fails
    /// its test instead of stalling the whole suite (the stuck thread spins until the process exits).
    static func parse(_ bytes: [UInt8], within limit: Duration) -> ParsedMessage? {
        let box = ParseResultBox()
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.store(MessageParser.parse(bytes))
            finished.signal()
        }
        thread.stackSize = 16 << 20
        thread.start()
        let milliseconds = Int(limit.components.seconds * 1000 + limit.components.attoseconds / 1_000_000_000_000_000)
        guard finished.wait(timeout: .now() + .milliseconds(milliseconds)) == .success else { return nil }
        return box.load()
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: url(name, ".eml").path) else {
            throw GoldenFileError.unreadable(url(name, ".eml").path)
        }
        return Array(data)
    }
}

/// Carries one parse result from the parsing thread to the waiting test.
final class ParseResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var message: ParsedMessage?

    func store(_ value: ParsedMessage) {
        lock.withLock { message = value }
    }

    func load() -> ParsedMessage? {
        lock.withLock { message }
    }
}

enum GoldenFileError: Error, CustomStringConvertible {
    case notAnObject
    case unreadable(String)

    var description: String {
        switch self {
        case .notAnObject: "golden file is not a JSON object"
        case .unreadable(let path): "cannot read \(path)"
        }
    }
}
