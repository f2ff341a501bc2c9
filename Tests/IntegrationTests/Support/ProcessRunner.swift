import Foundation
import Glibc
import LocalServers

/// Runs a helper program (dovecot, doveadm, openssl, mbsync) to completion.
enum ProcessRunner {
    struct Result {
        var status: Int32
        var output: String
        var errorOutput: String
    }

    static func locate(_ program: String) throws -> String { try ChildProcess.locate(program) }

    @discardableResult
    static func run(_ program: String, _ arguments: [String], input: [UInt8]? = nil, check: Bool = true) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try locate(program))
        process.arguments = arguments
        let output = Pipe(), errors = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input))
            try stdin.fileHandleForWriting.close()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let result = Result(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                            errorOutput: String(decoding: errorData, as: UTF8.self))
        if check && result.status != 0 {
            throw TestServerError("\(program) \(arguments.joined(separator: " ")) exited \(result.status): \(result.errorOutput)")
        }
        return result
    }
}
