internal import CCurl
import Glibc

/// Sends mail over one SMTP connection that stays open between sends.
///
/// One libcurl easy handle does it all: libcurl keeps the connection in the handle's cache,
/// so the second message goes straight to `MAIL FROM` without a new TCP/TLS handshake or
/// login, and a connection the server dropped is re-opened transparently on the next send.
/// Not Sendable: one sender belongs to one thread (the outbox loop).
public final class SMTPSender {
    private let easy: CurlEasy
    private let endpoint: SMTPEndpoint
    /// TCP connections opened so far (1 while the first connection is reused).
    public private(set) var connectionsOpened = 0

    public init(_ configuration: SMTPConfiguration) throws {
        endpoint = try SMTPEndpoint(configuration)
        do {
            easy = try CurlEasy(redactedURL: endpoint.redactedURL)
            try configure(configuration)
        } catch let error as CurlError {
            throw SMTPSenderError(.configuration, url: endpoint.redactedURL, detail: error.message, curlCode: error.code)
        }
    }

    private func configure(_ configuration: SMTPConfiguration) throws {
        try easy.set(CURLOPT_URL, endpoint.connectURL)
        try easy.set(CURLOPT_UPLOAD, 1)
        if !configuration.username.isEmpty {
            try easy.set(CURLOPT_USERNAME, configuration.username)
            try easy.set(CURLOPT_PASSWORD, configuration.password)
        }
        // Plain smtp:// must upgrade with STARTTLS, so neither AUTH nor mail goes out in clear text.
        if !endpoint.implicitTLS {
            let mode = configuration.allowInsecure ? CURLUSESSL_NONE : CURLUSESSL_ALL
            try easy.set(CURLOPT_USE_SSL, Int(mode.rawValue))
        }
        try easy.set(CURLOPT_SSL_VERIFYPEER, 1)
        try easy.set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = configuration.caFile { try easy.set(CURLOPT_CAINFO, caFile) }
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(configuration.connectTimeout))
        try easy.set(CURLOPT_TIMEOUT_MS, Self.milliseconds(configuration.overallTimeout))
        // libcurl waits 120 s for a pingpong reply unless told otherwise; the option takes whole seconds.
        try easy.set(CURLOPT_SERVER_RESPONSE_TIMEOUT, max(1, Int(configuration.responseTimeout.rounded(.up))))
        try easy.set(CURLOPT_NOSIGNAL, 1)
        try easy.set(CURLOPT_READFUNCTION, callback: SMTPTransfer.read)
        try easy.set(CURLOPT_HEADERFUNCTION, callback: SMTPTransfer.header)
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        max(1, Int((seconds * 1000).rounded(.up)))
    }

    /// Sends `bytes` (an RFC 5322 message; bare LF is turned into CRLF) from `from` (empty for the
    /// null sender `<>`) to every address in `to`.
    ///
    /// A message counts as sent only when every recipient was accepted: libcurl ends the session
    /// on the first refused RCPT without sending DATA (CURLOPT_MAIL_RCPT_ALLOWFAILS is left off,
    /// because then libcurl would not say which recipient was refused). Throws `SMTPSenderError`
    /// only for problems every message would hit (login, TLS, configuration).
    public func send(from: String, to: [String], bytes: [UInt8]) throws -> SMTPDelivery {
        let envelope: SMTPEnvelope
        do {
            envelope = try SMTPEnvelope(from: from, to: to, bytes: bytes)
        } catch {
            return .permanentFailure(SMTPFailure(.invalidAddress, detail: error.text, url: endpoint.redactedURL))
        }
        let recipients = try SMTPRecipientList(envelope.recipients, url: endpoint.redactedURL)
        let first = try attempt(envelope, recipients: recipients)
        // A server may close an idle connection (often with "421 closing"), and libcurl finds out
        // only when it reuses it. When that connection never reached DATA, the server cannot have
        // taken the message, so one more try on a fresh connection is safe and spares the outbox a
        // retry minutes later.
        guard case .transientFailure = first.delivery, first.reusedConnection, !first.reachedData else {
            return first.delivery
        }
        abandonConnection()
        return try attempt(envelope, recipients: recipients).delivery
    }

    /// One libcurl transfer of `envelope`, and what it tells about the connection it used.
    private func attempt(_ envelope: SMTPEnvelope, recipients: SMTPRecipientList) throws
        -> (delivery: SMTPDelivery, reusedConnection: Bool, reachedData: Bool) {
        let transfer = SMTPTransfer(bytes: envelope.bytes)
        let failure = try withExtendedLifetime((transfer, recipients)) {
            try perform(envelope, transfer: transfer, recipients: recipients)
        }
        let connects = (try? easy.info(CURLINFO_NUM_CONNECTS)) ?? 0
        connectionsOpened += connects
        let responseCode = (try? easy.info(CURLINFO_RESPONSE_CODE)) ?? 0
        let delivery = try SMTPOutcome(curlError: failure, responseCode: responseCode, replies: transfer.replies,
                                       url: endpoint.redactedURL).delivery()
        if case .transientFailure(let failure) = delivery, failure.kind != .rejectedByServer { abandonConnection() }
        // 354 is the server's go-ahead for the message text (RFC 5321 §4.1.1.4).
        return (delivery, connects == 0, transfer.replies.contains { $0.code == 354 })
    }

    /// Cuts a connection that timed out or broke mid-conversation. libcurl would otherwise keep
    /// it cached, reuse it for the next send (waiting out the response timeout again) and, when
    /// the handle is freed, say QUIT to it and wait once more. A shut-down socket is detected as
    /// dead: the next send opens a fresh connection, and the cleanup does not wait.
    private func abandonConnection() {
        if let socket = try? easy.activeSocket(), socket >= 0 { shutdown(socket, Int32(SHUT_RDWR)) }
    }

    /// Runs the transfer; returns libcurl's error when the send failed. Options that point into
    /// `transfer` and `recipients` are cleared before returning, so no pointer outlives them.
    private func perform(_ envelope: SMTPEnvelope, transfer: SMTPTransfer, recipients: SMTPRecipientList) throws -> CurlError? {
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        do {
            try easy.set(CURLOPT_MAIL_FROM, envelope.mailFrom)
            try easy.set(CURLOPT_MAIL_RCPT, pointer: recipients.pointer)
            try easy.set(CURLOPT_READDATA, pointer: context)
            try easy.set(CURLOPT_HEADERDATA, pointer: context)
            try easy.set(CURLOPT_INFILESIZE_LARGE, largeOffset: Int64(transfer.size))
        } catch let error as CurlError {
            throw SMTPSenderError(.configuration, url: endpoint.redactedURL, detail: error.message, curlCode: error.code)
        }
        var failure: CurlError?
        do {
            try easy.perform("send mail")
        } catch {
            failure = error as? CurlError
        }
        try? easy.set(CURLOPT_MAIL_RCPT, pointer: nil)
        try? easy.set(CURLOPT_READDATA, pointer: nil)
        try? easy.set(CURLOPT_HEADERDATA, pointer: nil)
        return failure
    }
}
