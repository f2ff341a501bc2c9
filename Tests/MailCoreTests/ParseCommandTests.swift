import Foundation
import Testing

/// Runs the built `support-intake` binary as a process (the test script builds it first with
/// `swift build --build-tests`) and checks stdout, stderr and the exit status.
@Suite("support-intake parse (as a process)")
struct ParseCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary beside the test bundle, else in the repository's debug build folder.
    static func binary() throws -> URL {
        let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("support-intake"))
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("support-intake"))
        candidates.append(repositoryRoot.appendingPathComponent(".build/debug/support-intake"))
        let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
        return try #require(found, "support-intake binary not built; run 'swift build --build-tests' first")
    }

    func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = try Self.binary()
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A fresh directory with two messages in it.
    func messages() throws -> (URL, URL, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parse-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let first = directory.appendingPathComponent("eins.eml")
        let second = directory.appendingPathComponent("zwei.eml")
        try Data("From: Anna <anna@x.de>\r\nSubject: =?utf-8?Q?St=C3=B6rung?=\r\n\r\nServer down\r\n".utf8).write(to: first)
        try Data("From: bob@x.de\r\nSubject: Zwei\r\nDate: Sat, 21 Apr 2001 02:18:00 +0200\r\n\r\nHallo\r\n".utf8).write(to: second)
        return (directory, first, second)
    }

    @Test("--json: one line per readable file in input order; an unreadable file is named on stderr; exit 1")
    func jsonWithUnreadableFile() throws {
        let (directory, first, second) = try messages()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("fehlt.eml").path
        let result = try run(["parse", first.path, missing, second.path, "--json"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let objects = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.map { $0["file"] as? String } == [first.path, second.path])
        #expect(objects.first?["subject"] as? String == "Störung")
        #expect(objects.last?["date"] as? String == "2001-04-21T00:18:00Z")
        #expect(result.stderr.contains(missing))
        #expect(result.stderr.contains("No such file or directory"))
    }

    @Test("All files readable: exit 0, nothing on stderr")
    func jsonSuccess() throws {
        let (directory, first, second) = try messages()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try run(["parse", "--json", first.path, second.path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.split(separator: "\n").count == 2)
    }

    @Test("Default output: a readable summary per file")
    func summary() throws {
        let (directory, first, _) = try messages()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try run(["parse", first.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Subject:     Störung"))
        #expect(result.stdout.contains("From:        Anna <anna@x.de>"))
        #expect(result.stdout.contains("Server down"))
    }

    @Test("--stats prints totals only")
    func stats() throws {
        let (directory, first, second) = try messages()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("From x@y Sat Apr 21 00:00:00 2001\r\nSubject: x\r\n\r\nb".utf8).write(to: first)
        let result = try run(["parse", "--stats", first.path, second.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("messages: 2"))
        #expect(result.stdout.contains("messages with defects: 1"))
        #expect(result.stdout.contains("mbox-from-line: 1"))
        #expect(!result.stdout.contains("Zwei"))
    }

    @Test("Usage errors exit 2", arguments: [["parse"], ["parse", "--json", "--stats", "x"], ["parse", "--bogus", "x"]])
    func usage(_ arguments: [String]) throws {
        let result = try run(arguments)
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
    }

    @Test("--help describes the flags and exits 0")
    func help() throws {
        let result = try run(["parse", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--json") && result.stdout.contains("--stats"))
    }
}
