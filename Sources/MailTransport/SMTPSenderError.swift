/// A problem with the sender itself rather than with one message: every message would fail
/// the same way until someone fixes the configuration or the server, so the outbox stops
/// sending and keeps the messages due instead of parking them.
public struct SMTPSenderError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The URL, EHLO name or options are unusable, or libcurl refused an option.
        case configuration
        /// The server refused the login (535, 530 "authentication required", …).
        case authentication
        /// The certificate is not trusted or the TLS handshake failed.
        case tls
        /// `smtp://` without `allowInsecure`, and the server offers no STARTTLS: refusing to log
        /// in or send in clear text.
        case cleartextRefused
    }

    public var kind: Kind
    public var url: String
    public var detail: String
    public var reply: SMTPReply?
    public var curlCode: Int?

    public init(_ kind: Kind, url: String, detail: String, reply: SMTPReply? = nil, curlCode: Int? = nil) {
        self.kind = kind
        self.url = url
        self.detail = detail
        self.reply = reply
        self.curlCode = curlCode
    }

    public var description: String {
        var text = "SMTP sender for \(url): \(detail)"
        if let reply { text += "; server said: \(reply)" }
        if let curlCode { text += " (curl error \(curlCode))" }
        return text
    }
}
