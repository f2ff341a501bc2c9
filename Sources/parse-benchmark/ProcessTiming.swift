import Foundation

/// Runs a program as a whole process and measures its wall-clock time, start-up included.
///
/// posix_spawn and waitpid, not Foundation's `Process`: its `waitUntilExit` polls a run loop in
/// 50 ms steps, which would add up to 50 ms to every measured run.
enum ProcessTiming {
    struct Result {
        var seconds: Double
        var status: Int32
        var output: String
    }

    static func run(_ program: String, _ arguments: [String]) throws -> Result {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("parse-benchmark-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        // posix_spawnp searches PATH for a bare program name such as `python3`.
        let spawned = posix_spawnp(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchmarkError.pythonFailed("could not start \(program): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let seconds = (ContinuousClock.now - start).seconds
        let output = FileManager.default.contents(atPath: outputPath) ?? Data()
        // WEXITSTATUS for a normal exit; a signal shows as 128 + its number, as in a shell.
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(seconds: seconds, status: exitStatus, output: String(decoding: output, as: UTF8.self))
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
