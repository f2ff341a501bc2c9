import Foundation
import Glibc

/// A throwaway plain-IMAP Dovecot on 127.0.0.1 for the benchmark, seeded by writing Maildir
/// files directly (the fastest way to put thousands of messages in place). The test suite has
/// its own, richer harness (Tests/IntegrationTests/Support/TestDovecot.swift); a benchmark
/// executable cannot import test code, hence this small second one.
final class BenchmarkDovecot {
    let directory: String
    let port: Int
    let user = "support"
    let password = "benchmark-secret"
    private var configFile: String { "\(directory)/dovecot.conf" }
    var maildir: String { "\(directory)/home/\(user)/Maildir" }

    static let startupTimeoutSeconds = 10.0

    init() throws {
        var template = Array("\(FileManager.default.temporaryDirectory.path)/intake-benchmark-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw BenchmarkError("mkdtemp failed: errno \(errno)") }
        directory = String(cString: created)
        chmod(directory, 0o755)
        port = try Self.freePort()
        for folder in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: "\(maildir)/\(folder)", withIntermediateDirectories: true)
        }
        try "\(user):{PLAIN}\(password)\n".write(toFile: "\(directory)/users", atomically: true, encoding: .utf8)
        let config = [
            "protocols = imap", "listen = 127.0.0.1",
            "base_dir = \(directory)/run", "state_dir = \(directory)/state", "log_path = \(directory)/dovecot.log",
            "ssl = no", "disable_plaintext_auth = no", "auth_mechanisms = plain login",
            "passdb {", "  driver = passwd-file", "  args = scheme=PLAIN username_format=%u \(directory)/users", "}",
            "userdb {", "  driver = static", "  args = uid=nobody gid=nogroup home=\(directory)/home/%u", "}",
            "mail_location = maildir:~/Maildir",
            "service imap-login {", "  inet_listener imap {", "    port = \(port)", "  }", "}",
        ]
        try (config.joined(separator: "\n") + "\n").write(toFile: configFile, atomically: true, encoding: .utf8)
        try Self.spawnAndWait("/usr/sbin/dovecot", ["-c", configFile])
        try waitForGreeting()
    }

    deinit {
        if let text = try? String(contentsOfFile: "\(directory)/run/master.pid", encoding: .utf8),
           let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0 {
            kill(pid, SIGTERM)
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Writes messages straight into Maildir/new, owned by the mail user.
    func seed(_ messages: [[UInt8]]) throws {
        for (index, message) in messages.enumerated() {
            let path = "\(maildir)/new/\(1_800_000_000 + index).M\(index)P1.benchmark"
            guard FileManager.default.createFile(atPath: path, contents: Data(message)) else {
                throw BenchmarkError("could not write \(path)")
            }
        }
        try Self.spawnAndWait("/usr/bin/chown", ["-R", "nobody:nogroup", "\(directory)/home"])
    }

    private func waitForGreeting() throws {
        guard Self.waitForGreeting(port: port) else {
            throw BenchmarkError("Dovecot did not greet on port \(port); is dovecot-imapd installed (scripts/install-deps --test)?")
        }
    }

    /// Whether a server on 127.0.0.1:`port` sends its first byte within `startupTimeoutSeconds`.
    static func waitForGreeting(port: Int) -> Bool {
        let deadline = Date().addingTimeInterval(startupTimeoutSeconds)
        while Date() < deadline {
            let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = loopback(port: port)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(probe, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            var byte: UInt8 = 0
            let greeted = connected == 0 && recv(probe, &byte, 1, 0) == 1
            close(probe)
            if greeted { return true }
            usleep(20_000)
        }
        return false
    }

    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    static func freePort() throws -> Int {
        let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(probe) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(probe, $0, length) == 0 && getsockname(probe, $0, &length) == 0 }
        }
        guard bound else { throw BenchmarkError("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// posix_spawn with a clean signal mask (a daemon must not inherit blocked SIGTERM) and waitpid.
    /// `errorLog` names a file that receives the program's stderr (else it goes to /dev/null when quiet).
    static func spawnAndWait(_ path: String, _ arguments: [String], quiet: Bool = true, errorLog: String? = nil) throws {
        let pid = try spawn(path, arguments, quiet: quiet, errorLog: errorLog)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else { throw BenchmarkError("\(path) \(arguments.joined(separator: " ")) failed with status \(status)") }
    }

    /// Starts `path` with a clean signal mask and returns its process id without waiting.
    static func spawn(_ path: String, _ arguments: [String], quiet: Bool = true, errorLog: String? = nil) throws -> pid_t {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw BenchmarkError("\(path) not found: run scripts/install-deps --test")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
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
        guard spawned == 0 else { throw BenchmarkError("could not start \(path): error \(spawned)") }
        return pid
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
