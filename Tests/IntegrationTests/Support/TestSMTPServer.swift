import Foundation
import Glibc
import LocalServers

/// A recording SMTP server on 127.0.0.1 for tests: scripts/test-smtp-server.py (aiosmtpd) in a
/// child process, writing every accepted message's exact bytes (after dot-unstuffing) to a
/// temporary directory. Python comes from `SUPPORT_INTAKE_PYTHON` (scripts/test sets it), else
/// the repository's `.venv`. Stopped by `stop()` or `deinit`.
final class TestSMTPServer {
    struct Options {
        /// Offer STARTTLS with a fresh self-signed certificate (`certificateFile` is its CA file).
        var tls = false
        var requireStartTLS = false
        /// `user:password` required via AUTH PLAIN/LOGIN.
        var credentials: (user: String, password: String)?
        /// Recipients answered with 550.
        var rejectedRecipients: [String] = []
        /// How many DATA commands get a 451 before mail is accepted.
        var temporaryFailures = 0
    }

    /// One accepted message: the envelope and the exact bytes.
    struct Received {
        var mailFrom: String
        var recipients: [String]
        var usedTLS: Bool
        var authenticated: Bool
        var bytes: [UInt8]
    }

    let port: Int
    let directory: String
    let certificateFile: String?
    private let process: Process

    static let startupTimeoutSeconds = 15.0
    private static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    init(_ options: Options = Options()) throws {
        let python = ProcessInfo.processInfo.environment["SUPPORT_INTAKE_PYTHON"] ?? "\(Self.repositoryRoot)/.venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw TestServerError("Python with aiosmtpd not found at \(python): run scripts/install-deps --test")
        }
        var template = Array("\(FileManager.default.temporaryDirectory.path)/support-intake-smtp-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw TestServerError("mkdtemp failed: errno \(errno)") }
        directory = String(cString: created)
        port = try LoopbackPort.free()
        var arguments = ["\(Self.repositoryRoot)/scripts/test-smtp-server.py", "--port", "\(port)", "--dir", "\(directory)/mail"]
        if options.tls {
            certificateFile = "\(directory)/cert.pem"
            try ProcessRunner.run("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                                              "-nodes", "-keyout", "\(directory)/key.pem", "-out", "\(directory)/cert.pem",
                                              "-days", "2", "-subj", "/CN=localhost",
                                              "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
            arguments += ["--tls", "\(directory)/cert.pem", "\(directory)/key.pem"]
            if options.requireStartTLS { arguments.append("--require-starttls") }
        } else {
            certificateFile = nil
        }
        if let credentials = options.credentials { arguments += ["--auth", "\(credentials.user):\(credentials.password)"] }
        for address in options.rejectedRecipients { arguments += ["--reject", address] }
        if options.temporaryFailures > 0 { arguments += ["--tempfail", "\(options.temporaryFailures)"] }
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        try waitForReady(output.fileHandleForReading)
    }

    deinit {
        stop()
    }

    func stop() {
        guard process.isRunning else { return }
        // SIGKILL: the test runner's blocked signals may be inherited, and nothing needs flushing.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func waitForReady(_ output: FileHandle) throws {
        let deadline = Date().addingTimeInterval(Self.startupTimeoutSeconds)
        var text = ""
        while Date() < deadline && process.isRunning {
            let chunk = output.availableData
            if chunk.isEmpty { usleep(20_000); continue }
            text += String(decoding: chunk, as: UTF8.self)
            if text.contains("READY") { return }
        }
        throw TestServerError("SMTP test server did not start on port \(port) (output: \(text)); run scripts/install-deps --test")
    }

    /// Messages received so far, in arrival order.
    func received() throws -> [Received] {
        let folder = "\(directory)/mail"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return try names.filter { $0.hasSuffix(".eml") }.sorted().map { name in
            let stem = String(name.dropLast(4))
            let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)"))
            let envelope = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(stem).json")))
            guard let fields = envelope as? [String: Any] else { throw TestServerError("unreadable envelope \(stem).json") }
            return Received(mailFrom: fields["mail_from"] as? String ?? "", recipients: fields["rcpt_tos"] as? [String] ?? [],
                            usedTLS: fields["tls"] as? Bool ?? false, authenticated: fields["auth"] as? Bool ?? false,
                            bytes: Array(bytes))
        }
    }
}
