import Foundation

/// How to reach and log in to the support mailbox.
///
/// Secure by default: `imaps://` uses TLS from the first byte, `imap://` must upgrade with
/// STARTTLS, and certificates are always verified (`caFile` adds a private CA). Only
/// `allowInsecure` permits a plain `imap://` login, meant for loopback tests.
public struct IMAPConfiguration: Sendable, CustomStringConvertible {
    /// `imaps://host[:port]/MAILBOX` or `imap://host[:port]/MAILBOX`; the path names the mailbox
    /// (percent-encoded, default INBOX).
    public var url: String
    public var username: String
    public var password: String
    /// An OAuth 2 access token; when set, libcurl logs in with XOAUTH2/OAUTHBEARER instead of the password.
    public var oauth2Token: String?
    /// PEM file with the CA certificates to trust instead of the system store.
    public var caFile: String?
    public var allowInsecure: Bool
    /// Limit for TCP connect, TLS handshake, greeting and login together, in seconds.
    public var connectTimeout: Double
    /// Longest silence while waiting for the server's next bytes, in seconds. A server that
    /// stalls in the middle of a message fails after this.
    public var responseTimeout: Double
    /// UIDs per `UID FETCH` command; two commands are in flight at a time.
    public var fetchBatchSize: Int
    /// How long one IDLE lasts before it is ended and restarted. RFC 2177 §3: servers may drop
    /// an IDLE client after 30 minutes, so the default stays well below (Dovecot: 30 min autologout).
    public var idleRenewalSeconds: Double

    public static let defaultConnectTimeout = 30.0
    public static let defaultResponseTimeout = 60.0
    public static let defaultFetchBatchSize = 250
    public static let defaultIdleRenewalSeconds = 25.0 * 60

    public init(url: String, username: String, password: String, oauth2Token: String? = nil, caFile: String? = nil,
                allowInsecure: Bool = false, connectTimeout: Double = defaultConnectTimeout,
                responseTimeout: Double = defaultResponseTimeout, fetchBatchSize: Int = defaultFetchBatchSize,
                idleRenewalSeconds: Double = defaultIdleRenewalSeconds) {
        self.url = url
        self.username = username
        self.password = password
        self.oauth2Token = oauth2Token
        self.caFile = caFile
        self.allowInsecure = allowInsecure
        self.connectTimeout = connectTimeout
        self.responseTimeout = responseTimeout
        self.fetchBatchSize = fetchBatchSize
        self.idleRenewalSeconds = idleRenewalSeconds
    }

    /// Never shows the password or token.
    public var description: String {
        "IMAPConfiguration(url: \(url), username: \(username), caFile: \(caFile ?? "system"), allowInsecure: \(allowInsecure))"
    }

    /// The mailbox named by the URL path, INBOX when there is none.
    public var mailbox: String {
        (try? Endpoint(self).mailbox) ?? "INBOX"
    }
}
