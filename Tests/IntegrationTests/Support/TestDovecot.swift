import Foundation
import Glibc
import MailTransport

/// A throwaway Dovecot on 127.0.0.1 for one test: generated config, users file, Maildir and (for
/// TLS) a self-signed certificate in a temporary directory, free ports. Started by `init`,
/// stopped by `stop()` or `deinit`. Runs as root with the mail user `nobody` (Dovecot refuses
/// uid 0 for mail access). See the libcurl mail-stack notes, section 2.
final class TestDovecot {
    let directory: String
    let imapPort: Int
    let imapsPort: Int?
    let lmtpPort: Int
    let user = "support"
    let password = "s3cret-Passw0rd"
    /// The self-signed certificate, also the CA file clients must trust; nil without TLS.
    let certificateFile: String?
    private var configFile: String { "\(directory)/dovecot.conf" }
    private var stopped = false
    private let capabilities: [String]?

    /// Longest wait for the greeting after starting Dovecot (it usually takes 0.2 s).
    static let startupTimeoutSeconds = 10.0
    /// Longest wait for the master to exit on SIGTERM.
    static let shutdownTimeoutSeconds = 5.0

    /// - Parameter tls: with TLS the server offers STARTTLS on `imapPort` and implicit TLS on
    ///   `imapsPort`; without, it speaks only clear text (and offers no STARTTLS).
    /// - Parameter capabilities: replaces the capabilities announced after login
    ///   (`imap_capability`), to exercise a client's fallbacks for servers without IDLE or MOVE.
    init(tls: Bool = true, capabilities: [String]? = nil) throws {
        self.capabilities = capabilities
        let dovecot = try ProcessRunner.locate("dovecot")
        _ = try ProcessRunner.locate("doveadm")
        var template = Array("\(FileManager.default.temporaryDirectory.path)/support-intake-dovecot-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw TestServerError("mkdtemp failed: errno \(errno)") }
        directory = String(cString: created)
        // The mail processes run as nobody and must reach the home directory inside.
        chmod(directory, 0o755)
        imapPort = try LoopbackSocket.freePort()
        imapsPort = tls ? try LoopbackSocket.freePort() : nil
        lmtpPort = try LoopbackSocket.freePort()
        certificateFile = tls ? "\(directory)/cert.pem" : nil
        try FileManager.default.createDirectory(atPath: "\(directory)/home/\(user)", withIntermediateDirectories: true)
        try ProcessRunner.run("chown", ["-R", "nobody:nogroup", "\(directory)/home"])
        try "\(user):{PLAIN}\(password)\n".write(toFile: "\(directory)/users", atomically: true, encoding: .utf8)
        if tls {
            try ProcessRunner.run("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                                              "-nodes", "-keyout", "\(directory)/key.pem", "-out", "\(directory)/cert.pem",
                                              "-days", "2", "-subj", "/CN=localhost",
                                              "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
        }
        try configText().write(toFile: configFile, atomically: true, encoding: .utf8)
        try ProcessRunner.startDaemon(dovecot, ["-c", configFile])
        try waitForGreeting()
    }

    deinit {
        stop()
    }

    /// Stops the master (it takes every Dovecot process with it) and removes the directory.
    func stop() {
        guard !stopped else { return }
        stopped = true
        if let text = try? String(contentsOfFile: "\(directory)/run/master.pid", encoding: .utf8),
           let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0 {
            kill(pid, SIGTERM)
            let deadline = Date().addingTimeInterval(Self.shutdownTimeoutSeconds)
            while Self.isRunning(pid) && Date() < deadline { usleep(10_000) }
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// True while `pid` exists and is not a zombie (the master is re-parented to PID 1, which
    /// in some containers never reaps it).
    private static func isRunning(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first != "Z"
    }

    /// The Dovecot log, for failure messages.
    var log: String { (try? String(contentsOfFile: "\(directory)/dovecot.log", encoding: .utf8)) ?? "" }

    private func configText() -> String {
        var lines = [
            "protocols = imap lmtp", "listen = 127.0.0.1",
            "base_dir = \(directory)/run", "state_dir = \(directory)/state", "log_path = \(directory)/dovecot.log",
            "disable_plaintext_auth = no", "auth_mechanisms = plain login",
            "passdb {", "  driver = passwd-file", "  args = scheme=PLAIN username_format=%u \(directory)/users", "}",
            "userdb {", "  driver = static", "  args = uid=nobody gid=nogroup home=\(directory)/home/%u", "}",
            "mail_location = maildir:~/Maildir",
            // A test mailbox needs no durability; without fsync seeding is several times faster.
            "mail_fsync = never",
            "service imap-login {", "  inet_listener imap {", "    port = \(imapPort)", "  }",
        ]
        if let imapsPort {
            lines += ["  inet_listener imaps {", "    port = \(imapsPort)", "    ssl = yes", "  }"]
        }
        lines += ["}"]
        if let capabilities { lines += ["imap_capability = \(capabilities.joined(separator: " "))"] }
        lines += ["service lmtp {", "  inet_listener lmtp {", "    port = \(lmtpPort)", "  }", "}"]
        if let certificateFile {
            lines += ["ssl = yes", "ssl_cert = <\(certificateFile)", "ssl_key = <\(directory)/key.pem"]
        } else {
            lines += ["ssl = no"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func waitForGreeting() throws {
        let deadline = Date().addingTimeInterval(Self.startupTimeoutSeconds)
        while Date() < deadline {
            if let socket = try? LoopbackSocket(port: imapPort, timeoutSeconds: 2),
               let greeting = try? socket.readLine(), greeting.hasPrefix("* OK") {
                return
            }
            usleep(20_000)
        }
        throw TestServerError("Dovecot did not greet on port \(imapPort) within \(Self.startupTimeoutSeconds) s; log: \(log)")
    }

    // MARK: Client configurations

    func url(scheme: String = "imap", mailbox: String = "INBOX") -> String {
        let port = scheme == "imaps" ? (imapsPort ?? imapPort) : imapPort
        return "\(scheme)://127.0.0.1:\(port)/\(mailbox)"
    }

    /// Plain IMAP on loopback, explicitly allowed.
    func insecureConfiguration(responseTimeout: Double = 10) -> IMAPConfiguration {
        IMAPConfiguration(url: url(), username: user, password: password, allowInsecure: true,
                          connectTimeout: 10, responseTimeout: responseTimeout)
    }

    /// Implicit TLS, trusting the test certificate.
    func tlsConfiguration() -> IMAPConfiguration {
        IMAPConfiguration(url: url(scheme: "imaps"), username: user, password: password, caFile: certificateFile,
                          connectTimeout: 10, responseTimeout: 10)
    }

    // MARK: Inspection

    func doveadm(_ arguments: [String]) throws -> String {
        try ProcessRunner.run("doveadm", ["-c", configFile] + arguments).output
    }

    /// Flags per UID, from `doveadm fetch 'uid flags'`, without the per-session `\Recent`.
    func flags(mailbox: String = "INBOX") throws -> [UInt32: Set<String>] {
        let output = try doveadm(["fetch", "-u", user, "uid flags", "mailbox", mailbox, "all"])
        var result: [UInt32: Set<String>] = [:]
        var uid: UInt32?
        for line in output.split(separator: "\n") {
            if line.hasPrefix("uid: ") {
                uid = UInt32(line.dropFirst(5).trimmingCharacters(in: .whitespaces))
            } else if line.hasPrefix("flags:"), let current = uid {
                result[current] = Set(line.dropFirst(6).split(separator: " ").map(String.init)).subtracting(["\\Recent"])
            }
        }
        return result
    }

    /// `doveadm mailbox status` fields (messages, unseen, uidnext, uidvalidity).
    func status(mailbox: String = "INBOX") throws -> [String: Int] {
        let output = try doveadm(["mailbox", "status", "-u", user, "messages unseen uidnext uidvalidity", mailbox])
        var result: [String: Int] = [:]
        for field in output.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let parts = field.split(separator: "=")
            if parts.count == 2, let value = Int(parts[1]) { result[String(parts[0])] = value }
        }
        return result
    }

    /// Disconnects every IMAP client of the user (`doveadm kick`) and waits until they are gone,
    /// like a server restart would.
    func disconnectClients() throws {
        _ = try doveadm(["kick", user])
        let deadline = Date().addingTimeInterval(Self.shutdownTimeoutSeconds)
        while try doveadm(["who", "-1"]).contains(user) {
            guard Date() < deadline else { throw TestServerError("clients of \(user) still connected after kick") }
            usleep(20_000)
        }
    }

    func mailboxExists(_ mailbox: String) throws -> Bool {
        try doveadm(["mailbox", "list", "-u", user]).split(separator: "\n").contains { $0 == mailbox }
    }
}
