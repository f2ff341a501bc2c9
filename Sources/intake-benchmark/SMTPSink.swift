import Glibc
import LocalServers

/// Postfix's `smtp-sink` on 127.0.0.1 as the benchmark's SMTP server: it accepts every mail and
/// throws it away, fast enough not to be what is measured (Python's aiosmtpd tops out near
/// 800 mails/s). Installed with postfix by `scripts/install-deps --test`.
final class SMTPSink {
    static let path = "/usr/sbin/smtp-sink"
    /// The listen backlog smtp-sink is given.
    static let backlog = "1000"
    let port: Int
    private let pid: pid_t

    init() throws {
        port = try LoopbackPort.free()
        // smtp-sink refuses to run as root without a user to drop to.
        pid = try ChildProcess.spawn(Self.path, ["-u", "nobody", "127.0.0.1:\(port)", Self.backlog])
        guard LoopbackPort.greets(port: port, within: LocalDovecot.startupTimeoutSeconds) else {
            kill(pid, SIGTERM)
            throw BenchmarkError("smtp-sink did not greet on port \(port)")
        }
    }

    /// Whether smtp-sink still runs (a sink that died mid-run turns every reply into a retry).
    var isRunning: Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == 0
    }

    deinit {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}
