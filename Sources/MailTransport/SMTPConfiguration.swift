/// How to reach and log in to the outgoing mail server.
///
/// Secure by default: `smtps://` uses TLS from the first byte, `smtp://` must upgrade with
/// STARTTLS (so AUTH and the mail never travel in clear text), and certificates are always
/// verified (`caFile` adds a private CA). Only `allowInsecure` permits a plain `smtp://`
/// session, meant for loopback tests and local sinks.
public struct SMTPConfiguration: Sendable, CustomStringConvertible, CustomReflectable {
    /// `smtps://host[:port]` or `smtp://host[:port]`; a path is ignored (the EHLO name is `ehloName`).
    public var url: String
    /// Empty: no AUTH.
    public var username: String
    public var password: String
    /// PEM file with the CA certificates to trust instead of the system store.
    public var caFile: String?
    public var allowInsecure: Bool
    /// The name sent with EHLO: the domain of the support address, so that receiving MTAs see a
    /// name that matches the envelope sender instead of this machine's host name.
    public var ehloName: String
    /// Limit for TCP connect, TLS handshake, greeting and login together, in seconds.
    public var connectTimeout: Double
    /// Longest wait for any single server reply, in seconds. libcurl's default is 120 s.
    public var responseTimeout: Double
    /// Limit for one whole send (connect, envelope, data, final reply), in seconds.
    public var overallTimeout: Double

    public static let defaultConnectTimeout = 30.0
    public static let defaultResponseTimeout = 60.0
    public static let defaultOverallTimeout = 300.0

    public init(url: String, username: String = "", password: String = "", caFile: String? = nil,
                allowInsecure: Bool = false, ehloName: String, connectTimeout: Double = defaultConnectTimeout,
                responseTimeout: Double = defaultResponseTimeout, overallTimeout: Double = defaultOverallTimeout) {
        self.url = url
        self.username = username
        self.password = password
        self.caFile = caFile
        self.allowInsecure = allowInsecure
        self.ehloName = ehloName
        self.connectTimeout = connectTimeout
        self.responseTimeout = responseTimeout
        self.overallTimeout = overallTimeout
    }

    /// The EHLO name for a support address: its domain (`support@example-hosting.de` →
    /// `example-hosting.de`); nil when the address has no usable domain.
    public static func ehloName(forSupportAddress address: String) -> String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let domain = String(address[address.index(after: at)...])
        return SMTPEndpoint.isValidEHLOName(domain) ? domain : nil
    }

    /// Never shows the password.
    public var description: String {
        "SMTPConfiguration(url: \(url), username: \(username), caFile: \(caFile ?? "system"), "
            + "allowInsecure: \(allowInsecure), ehloName: \(ehloName))"
    }

    /// `dump()` and debuggers show the same redacted fields as `description`.
    public var customMirror: Mirror {
        Mirror(self, children: ["url": url, "username": username, "password": "(redacted)", "caFile": caFile as Any,
                                "allowInsecure": allowInsecure, "ehloName": ehloName, "connectTimeout": connectTimeout,
                                "responseTimeout": responseTimeout, "overallTimeout": overallTimeout])
    }
}
