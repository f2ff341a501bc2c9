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

    func run(_ arguments: [String], timeout: TimeInterval = 60) throws -> Result {
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
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    struct RunnerError: Error, CustomStringConvertible {
        var description: String
    }
}
