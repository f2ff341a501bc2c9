/// Hands one composed mail to the outgoing mail server. The SMTP adapter implements it;
/// `InMemoryMailSender` is the twin for tests.
public protocol MailSender: AnyObject {
    /// Sends `bytes` from `from` to `to`. Throws only for problems every mail would hit (login,
    /// TLS, configuration): then the outbox stops and keeps its mail due, without counting an attempt.
    func send(from: String, to: String, bytes: [UInt8]) throws -> SendResult
}

/// What became of one send.
public enum SendResult: Sendable, Hashable {
    case sent
    /// Try again later (4xx, timeout, connection lost); the text is the server's words or the error.
    case transientFailure(String)
    /// The server refused it for good (5xx, invalid address).
    case permanentFailure(String)
}
