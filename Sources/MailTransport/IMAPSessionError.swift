/// Every failure of the IMAP session, as one line that says what went wrong, where, and what
/// the server or libcurl said. Passwords and tokens never appear in it.
public struct IMAPSessionError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The configuration cannot work (bad URL, plaintext login refused).
        case configuration
        /// TCP connect failed (refused, unreachable, DNS).
        case connect
        /// TLS or STARTTLS failed, including certificate verification.
        case tls
        /// The server refused the credentials.
        case login
        /// The server did not answer in time (connect or response timeout).
        case timeout
        /// The server answered a command with NO or BAD.
        case commandFailed
        /// The connection broke (reset, closed by the server, server restart).
        case connectionLost
        /// The server broke the protocol, or the session was used out of order.
        case protocolViolation
    }

    public var kind: Kind
    /// Where: the server URL without credentials.
    public var url: String
    public var detail: String
    /// libcurl's error code when libcurl reported the failure.
    public var curlCode: Int?

    public init(_ kind: Kind, url: String, detail: String, curlCode: Int? = nil) {
        self.kind = kind
        self.url = url
        self.detail = detail
        self.curlCode = curlCode
    }

    /// Failures after which the connection is unusable and must be rebuilt.
    public var dropsConnection: Bool { kind != .commandFailed && kind != .configuration }

    public var description: String {
        let oneLine = detail.map { $0 == "\r" || $0 == "\n" ? " " : $0 }
        return "IMAP \(kind.rawValue) error at \(url): \(String(oneLine))"
    }

    /// Explains curl's codes in words an operator can act on, keeping curl's own message.
    init(_ error: CurlError) {
        let (kind, explanation): (Kind, String) = switch error.code {
        case 6: (.connect, "host name not found")
        case 7: (.connect, "connection refused or host unreachable")
        case 28: (.timeout, "timed out while connecting or logging in")
        case 35, 53, 54, 58, 59, 66, 80, 83, 90, 91: (.tls, "TLS handshake failed")
        case 60: (.tls, "server certificate could not be verified (set caFile for a private CA)")
        case 64: (.tls, "server does not offer STARTTLS; refusing to log in without TLS (allowInsecure permits it on test setups)")
        case 67: (.login, "login denied: wrong username or password, or the server refuses this login method")
        case 52, 55, 56: (.connectionLost, "connection lost")
        default: (.protocolViolation, "libcurl failed")
        }
        self.init(kind, url: error.url, detail: "\(explanation) (\(error.operation): curl \(error.code): \(error.message))",
                  curlCode: error.code)
    }
}
