import Foundation
import Glibc
import LocalServers
import MailTransport

/// The suite's Dovecot: the shared loopback launcher (`LocalDovecot`, with TLS and LMTP by
/// default), plus what tests ask of it: client configurations and doveadm inspection.
typealias TestDovecot = LocalDovecot

extension LocalDovecot {
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
