import Foundation
import Glibc

/// A throwaway Dovecot on 127.0.0.1 for the tests and the benchmarks: generated config, users
/// file, Maildir and (for TLS) a self-signed certificate in a temporary directory, free ports.
/// Started by `init`, stopped by `stop()` or `deinit`. Runs as root with the mail user `nobody`
/// (Dovecot refuses uid 0 for mail access). See the libcurl mail-stack notes, section 2.
public final class LocalDovecot {
    public let directory: String
    public let imapPort: Int
    public let imapsPort: Int?
    public let lmtpPort: Int?
    public let user = "support"
    public let password: String
    /// The self-signed certificate, also the CA file clients must trust; nil without TLS.
    public let certificateFile: String?
    public var configFile: String { "\(directory)/dovecot.conf" }
    /// The mailbox as files: `new/`, `cur/`, `tmp/`.
    public var maildir: String { "\(directory)/home/\(user)/Maildir" }
    private var stopped = false

    /// Longest wait for the greeting after starting Dovecot (it usually takes 0.2 s).
    public static let startupTimeoutSeconds = 10.0
    /// Longest wait for the master to exit on SIGTERM.
    public static let shutdownTimeoutSeconds = 5.0

    /// - Parameters:
    ///   - tls: the server offers STARTTLS on `imapPort` and implicit TLS on `imapsPort`; without,
    ///     it speaks only clear text (and offers no STARTTLS).
    ///   - lmtp: also listen for LMTP deliveries on `lmtpPort`.
    ///   - capabilities: replaces the capabilities announced after login (`imap_capability`), to
    ///     exercise a client's fallbacks for servers without IDLE or MOVE.
    ///   - syncsMail: Dovecot's default `mail_fsync`; off (`never`) makes seeding several times
    ///     faster, and a test mailbox needs no durability.
    public init(
        tls: Bool = true, lmtp: Bool = true, capabilities: [String]? = nil, password: String = "s3cret-Passw0rd",
        syncsMail: Bool = false
    ) throws {
        let dovecot = try ChildProcess.locate("dovecot")
        // Everything that may fail before anything exists on disk comes first; afterwards a failure
        // stops what was started and removes the directory (see the catch below).
        imapPort = try LoopbackPort.free()
        imapsPort = tls ? try LoopbackPort.free() : nil
        lmtpPort = lmtp ? try LoopbackPort.free() : nil
        let temporary = FileManager.default.temporaryDirectory.path
        Self.removeAbandoned(in: temporary)
        var template = Array("\(temporary)/\(Self.folderPrefix)XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw LocalServerError("mkdtemp failed: errno \(errno)") }
        directory = String(cString: created)
        self.password = password
        certificateFile = tls ? "\(directory)/cert.pem" : nil
        do {
            try start(dovecot, tls: tls, capabilities: capabilities, syncsMail: syncsMail)
        } catch {
            stop()
            throw error
        }
    }

    private func start(_ dovecot: String, tls: Bool, capabilities: [String]?, syncsMail: Bool) throws {
        try "\(getpid())\n".write(toFile: "\(directory)/\(Self.ownerFile)", atomically: false, encoding: .utf8)
        // The mail processes run as nobody and must reach the home directory inside.
        chmod(directory, 0o755)
        for folder in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: "\(maildir)/\(folder)", withIntermediateDirectories: true)
        }
        try ChildProcess.run("chown", ["-R", "nobody:nogroup", "\(directory)/home"])
        try "\(user):{PLAIN}\(password)\n".write(toFile: "\(directory)/users", atomically: false, encoding: .utf8)
        if tls {
            try ChildProcess.run("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                                             "-nodes", "-keyout", "\(directory)/key.pem", "-out", "\(directory)/cert.pem",
                                             "-days", "2", "-subj", "/CN=localhost",
                                             "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
        }
        try configText(capabilities: capabilities, syncsMail: syncsMail)
            .write(toFile: configFile, atomically: false, encoding: .utf8)
        try ChildProcess.run(dovecot, ["-c", configFile])
        guard LoopbackPort.greets(port: imapPort, with: "* OK", within: Self.startupTimeoutSeconds) else {
            throw LocalServerError("Dovecot did not greet on port \(imapPort) within \(Self.startupTimeoutSeconds) s; log: \(log)")
        }
    }

    deinit {
        stop()
    }

    /// Stops the master (it takes every Dovecot process with it) and removes the directory.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        Self.stopAndRemove(directory)
    }

    /// The temporary folders' names begin with this.
    static let folderPrefix = "support-intake-dovecot-"
    /// The file in each folder that names the process that started its server.
    static let ownerFile = "owner.pid"

    /// Stops the server of every folder whose owning process is gone and removes the folder: a
    /// test run that crashed or was killed never reaches `deinit`, and its Dovecot (a daemon) would
    /// keep running. Folders of live processes, and folders without an owner file, are left alone.
    static func removeAbandoned(in temporary: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: temporary) else { return }
        for name in names where name.hasPrefix(folderPrefix) {
            let folder = "\(temporary)/\(name)"
            guard let owner = processID(in: "\(folder)/\(ownerFile)"), !isRunning(owner) else { continue }
            stopAndRemove(folder)
        }
    }

    private static func stopAndRemove(_ folder: String) {
        if let master = processID(in: "\(folder)/run/master.pid") {
            kill(master, SIGTERM)
            let deadline = Date().addingTimeInterval(shutdownTimeoutSeconds)
            while isRunning(master) && Date() < deadline { usleep(10_000) }
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The process id a pid file holds, if it holds one.
    private static func processID(in file: String) -> pid_t? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8),
              let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0 else { return nil }
        return pid
    }

    /// True while `pid` exists and is not a zombie (the master is re-parented to PID 1, which
    /// in some containers never reaps it).
    private static func isRunning(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first != "Z"
    }

    /// The Dovecot log, for failure messages.
    public var log: String { (try? String(contentsOfFile: "\(directory)/dovecot.log", encoding: .utf8)) ?? "" }

    private func configText(capabilities: [String]?, syncsMail: Bool) -> String {
        var lines = [
            "protocols = imap\(lmtpPort == nil ? "" : " lmtp")", "listen = 127.0.0.1",
            "base_dir = \(directory)/run", "state_dir = \(directory)/state", "log_path = \(directory)/dovecot.log",
            "disable_plaintext_auth = no", "auth_mechanisms = plain login",
            "passdb {", "  driver = passwd-file", "  args = scheme=PLAIN username_format=%u \(directory)/users", "}",
            "userdb {", "  driver = static", "  args = uid=nobody gid=nogroup home=\(directory)/home/%u", "}",
            "mail_location = maildir:~/Maildir",
        ]
        if !syncsMail { lines += ["mail_fsync = never"] }
        lines += ["service imap-login {", "  inet_listener imap {", "    port = \(imapPort)", "  }"]
        if let imapsPort {
            lines += ["  inet_listener imaps {", "    port = \(imapsPort)", "    ssl = yes", "  }"]
        }
        lines += ["}"]
        if let capabilities { lines += ["imap_capability = \(capabilities.joined(separator: " "))"] }
        if let lmtpPort { lines += ["service lmtp {", "  inet_listener lmtp {", "    port = \(lmtpPort)", "  }", "}"] }
        if let certificateFile {
            lines += ["ssl = yes", "ssl_cert = <\(certificateFile)", "ssl_key = <\(directory)/key.pem"]
        } else {
            lines += ["ssl = no"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
