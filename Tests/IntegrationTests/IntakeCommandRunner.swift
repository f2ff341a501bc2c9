import Foundation
import Testing

/// Runs the built `support-intake` binary (from `.build/debug` under the repository root found via
/// `#filePath`) and captures its exit status and output.
struct IntakeCommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// stdout as JSON Lines objects.
        func jsonLines() throws -> [[String: Any]] {
            try stdout.split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
        }
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL { repositoryRoot.appendingPathComponent(".build/debug/support-intake") }

    var environment: [String: String] = [:]
    var currentDirectory: URL?

    func run(_ arguments: [String]) throws -> Result {
        let binary = Self.binary
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw RunnerError(description: "\(binary.path) is missing: run 'swift build' first")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged.removeValue(forKey: "SUPPORT_INTAKE_CONFIG")
        merged.removeValue(forKey: "SUPPORT_INTAKE_IMAP_PASSWORD")
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("intake-run-\(UUID().uuidString)")
        let outPath = capture.path + ".out", errPath = capture.path + ".err"
        FileManager.default.createEmptyFile(atPath: outPath)
        FileManager.default.createEmptyFile(atPath: errPath)
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        // Files, not pipes: a chatty child can never block on a full pipe while we wait.
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    struct RunnerError: Error, CustomStringConvertible {
        var description: String
    }
}
