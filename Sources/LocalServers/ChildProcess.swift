public import Glibc

/// Starts the programs the tests and benchmarks need (dovecot, doveadm, mbsync, smtp-sink, the
/// gateway itself) with posix_spawn.
///
/// The mask and default handlers of signals are reset in the child: test runners' threads block
/// signals and a spawned child inherits that mask, so a daemon would otherwise ignore SIGTERM.
/// Foundation's `Process` never saw a daemonising parent (dovecot) exit here, hence posix_spawn.
public enum ChildProcess {
    /// Searches the usual Debian locations, so that tests work without /usr/sbin in PATH.
    public static func locate(_ program: String) throws -> String {
        if program.hasPrefix("/") {
            guard access(program, X_OK) == 0 else { throw LocalServerError.missing(program) }
            return program
        }
        for directory in ["/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin"]
        where access("\(directory)/\(program)", X_OK) == 0 {
            return "\(directory)/\(program)"
        }
        throw LocalServerError.missing(program)
    }

    /// Runs `program` to its end; a non-zero exit is an error. Standard input is /dev/null;
    /// output goes to /dev/null when `quiet`, and standard error to `errorLog` when given.
    public static func run(_ program: String, _ arguments: [String], quiet: Bool = true, errorLog: String? = nil) throws {
        let pid = try spawn(program, arguments, quiet: quiet, errorLog: errorLog)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else {
            throw LocalServerError("\(program) \(arguments.joined(separator: " ")) failed with status \(status)")
        }
    }

    /// Starts `program` and returns its process id without waiting.
    public static func spawn(_ program: String, _ arguments: [String], quiet: Bool = true, errorLog: String? = nil) throws -> pid_t {
        let path = try locate(program)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if quiet {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        if let errorLog {
            posix_spawn_file_actions_addopen(&actions, 2, errorLog, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw LocalServerError("could not start \(path): error \(spawned)") }
        return pid
    }
}
