import Foundation

/// Runs a program as a whole process and measures its wall-clock time, start-up included.
enum ProcessTiming {
    struct Result {
        var seconds: Double
        var status: Int32
        var output: String
    }

    static func run(_ program: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        if program.contains("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [program] + arguments
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        let start = ContinuousClock.now
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let seconds = (ContinuousClock.now - start).seconds
        return Result(seconds: seconds, status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }

    /// The fastest of `runs` runs (the least disturbed by the other work on a shared machine).
    static func best(of runs: Int, _ program: String, _ arguments: [String]) throws -> Result {
        var best: Result?
        for _ in 0..<max(1, runs) {
            let result = try run(program, arguments)
            if best.map({ result.seconds < $0.seconds }) ?? true { best = result }
        }
        guard let best else { throw BenchmarkError.pythonFailed("no run of \(program)") }
        return best
    }
}
