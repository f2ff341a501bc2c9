import Foundation
import Glibc

/// Runs a helper program (dovecot, doveadm, openssl, mbsync) to completion.
enum ProcessRunner {
    struct Result {
        var status: Int32
        var output: String
        var errorOutput: String
    }

    /// Searches the usual Debian locations so tests work without /usr/sbin in PATH.
    static func locate(_ program: String) throws -> String {
        if program.hasPrefix("/") {
            guard FileManager.default.isExecutableFile(atPath: program) else { throw TestServerError.missing(program) }
            return program
        }
        let directories = ["/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin"]
        for directory in directories where FileManager.default.isExecutableFile(atPath: "\(directory)/\(program)") {
            return "\(directory)/\(program)"
        }
        throw TestServerError.missing(program)
    }

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

    /// Starts a program that puts itself in the background (dovecot) and waits for the
    /// foreground part to exit. Foundation's `Process` never saw such a parent exit here, so
    /// this uses posix_spawn and waitpid; output goes to /dev/null (the daemon logs to a file).
    /// The test runner's threads block signals and a spawned child inherits that mask, so the
    /// mask and the default handlers are reset: otherwise the daemon would ignore SIGTERM.
    static func startDaemon(_ program: String, _ arguments: [String]) throws {
        let path = try locate(program)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw TestServerError("could not start \(path): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else { throw TestServerError("\(path) \(arguments.joined(separator: " ")) failed with status \(status)") }
    }
}
