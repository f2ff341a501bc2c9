import Foundation
import Glibc

/// A throwaway plain-IMAP Dovecot on 127.0.0.1 for the intake's end-to-end tests: generated config
/// in a temporary folder, a free port, mail seeded by writing Maildir files (the fastest way to
/// put thousands of messages in place). Runs as root with mail user `nobody`. Stopped in deinit.
final class IntakeDovecot {
    let directory: String
    let port: Int
    let user = "support"
    let password = "intake-e2e-secret"
    private var configFile: String { "\(directory)/dovecot.conf" }
    private var maildir: String { "\(directory)/home/\(user)/Maildir" }
    private var delivered = 0

    /// Longest wait for the greeting after starting Dovecot.
    static let startupTimeoutSeconds = 10.0

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("intake-dovecot-\(UUID().uuidString)").path
        for folder in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: "\(directory)/home/\(user)/Maildir/\(folder)",
                                                    withIntermediateDirectories: true)
        }
        chmod(directory, 0o755)
        port = try Self.freePort()
        try "\(user):{PLAIN}\(password)\n".write(toFile: "\(directory)/users", atomically: true, encoding: .utf8)
        try """
            protocols = imap
            listen = 127.0.0.1
            base_dir = \(directory)/run
            state_dir = \(directory)/state
            log_path = \(directory)/dovecot.log
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u \(directory)/users
            }
            userdb {
              driver = static
              args = uid=nobody gid=nogroup home=\(directory)/home/%u
            }
            mail_location = maildir:~/Maildir
            service imap-login {
              inet_listener imap {
                port = \(port)
              }
            }

            """.write(toFile: configFile, atomically: true, encoding: .utf8)
        try Self.run("chown", ["-R", "nobody:nogroup", "\(directory)/home"])
        try Self.run("dovecot", ["-c", configFile])
        try waitForGreeting()
    }

    deinit {
        _ = try? Self.run("doveadm", ["-c", configFile, "stop"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The gateway configuration JSON for this server and a database at `database`.
    func gatewayConfiguration(database: String, extraIMAP: String = "") -> String {
        """
        {"imap": {"url": "imap://127.0.0.1:\(port)/INBOX", "username": "\(user)", "password": "\(password)",
                  "allowInsecure": true, "quarantineMailbox": "Quarantine", "pollSeconds": 30\(extraIMAP)},
         "database": "\(database)"}
        """
    }

    /// Delivers messages straight into the Maildir (written to tmp/, renamed into new/).
    func deliver(_ messages: [[UInt8]]) throws {
        for bytes in messages {
            delivered += 1
            let name = "\(delivered).intake-e2e"
            let temporary = "\(maildir)/tmp/\(name)"
            guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
                throw DovecotError(description: "cannot write \(temporary)")
            }
            chown(temporary, 65534, 65534)
            guard rename(temporary, "\(maildir)/new/\(name)") == 0 else {
                throw DovecotError(description: "cannot move \(name) into new/: errno \(errno)")
            }
        }
    }

    /// How many messages in `mailbox` carry the keyword.
    func count(keyword: String, mailbox: String = "INBOX") throws -> Int {
        try Self.run("doveadm", ["-c", configFile, "search", "-u", user, "mailbox", mailbox, "keyword", keyword])
            .split(separator: "\n").count
    }

    /// A ~3 KB customer mail with its own Message-ID.
    static func customerMail(_ number: Int) -> [UInt8] {
        let body = String(String(repeating: "Guten Tag, mein Postfach nimmt keine Mails mehr an. ", count: 55).prefix(2_800))
        return Array(("From: Kunde \(number) <kunde\(number)@example.org>\r\nTo: support@example-hosting.de\r\n"
            + "Subject: Anfrage \(number)\r\nMessage-ID: <e2e-\(number)@example.org>\r\n"
            + "Date: Sun, 29 Nov 2026 18:00:00 +0100\r\n\r\n\(body)\r\n").utf8)
    }

    private func waitForGreeting() throws {
        let deadline = Date().addingTimeInterval(Self.startupTimeoutSeconds)
        while Date() < deadline {
            if let greeting = try? Self.greeting(port: port), greeting.hasPrefix("* OK") { return }
            usleep(50_000)
        }
        let log = (try? String(contentsOfFile: "\(directory)/dovecot.log", encoding: .utf8)) ?? ""
        throw DovecotError(description: "Dovecot did not greet on port \(port) within \(Self.startupTimeoutSeconds) s: \(log)")
    }

    private static func greeting(port: Int) throws -> String {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw DovecotError(description: "connect failed") }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private static func freePort() throws -> Int {
        let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(probe) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(probe, $0, length) == 0 && getsockname(probe, $0, &length) == 0 }
        }
        guard bound else { throw DovecotError(description: "no free port: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Runs a helper program from the usual Debian locations and returns its stdout.
    ///
    /// posix_spawn and waitpid rather than Foundation's Process: `dovecot` daemonizes, and a daemon
    /// inheriting Process's internal descriptors keeps `waitUntilExit` from ever returning.
    /// Descriptors from 3 up are closed in the child for the same reason.
    @discardableResult
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let folders = ["/usr/sbin", "/usr/bin", "/sbin", "/bin"]
        guard let path = folders.map({ "\($0)/\(program)" }).first(where: FileManager.default.isExecutableFile) else {
            throw DovecotError(description: "\(program) is not installed (apt-get install dovecot-imapd)")
        }
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("intake-helper-\(UUID().uuidString)").path
        let outPath = capture + ".out", errPath = capture + ".err"
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let openDescriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in openDescriptors.compactMap({ Int32($0) }) where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw DovecotError(description: "cannot start \(path): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let exitedCleanly = status & 0x7f == 0 && (status >> 8) & 0xff == 0
        guard exitedCleanly else {
            let errors = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
            throw DovecotError(description: "\(program) \(arguments.joined(separator: " ")) failed (status \(status)): \(errors)")
        }
        return output
    }

    struct DovecotError: Error, CustomStringConvertible {
        var description: String
    }
}
