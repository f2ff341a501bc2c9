/// What became of one message handed to `SMTPSender.send`.
///
/// The outbox acts on the case: mark sent, retry later with backoff, or park with the reason.
/// Problems that would hit every message alike (login refused, certificate not trusted, no
/// STARTTLS) are thrown as `SMTPSenderError` instead, so that they stop the batch rather than
/// park good mail.
public enum SMTPDelivery: Sendable, Hashable {
    /// The server accepted the message for every recipient; the reply usually names its queue id.
    case sent(SMTPReply)
    /// Not delivered, worth another try later: a 4xx reply, a timeout, a refused or lost connection.
    case transientFailure(SMTPFailure)
    /// Not delivered and never will be as it stands: a 5xx reply or an unusable address.
    case permanentFailure(SMTPFailure)
}

/// Why a message was not delivered: which step failed, the server's words when it answered,
/// and libcurl's code and words when it did not.
public struct SMTPFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The server answered with a 4xx or 5xx reply (see `reply`).
        case rejectedByServer
        /// The server did not answer in time. When this happens after the message's final dot,
        /// the server may have accepted it anyway: a retry can then deliver it twice. That window
        /// (between the server's acceptance and the outbox marking the row sent) cannot be closed
        /// by SMTP; the outbox keeps it as short as one commit and documents it.
        case timeout
        /// No connection, or it broke before the server's final reply.
        case connection
        /// An envelope address that cannot be sent safely; the server was not contacted.
        case invalidAddress
        /// Anything else libcurl reported.
        case transfer
    }

    public var kind: Kind
    public var reply: SMTPReply?
    /// libcurl's error code; nil when libcurl was not involved.
    public var curlCode: Int?
    public var detail: String
    public var url: String

    public init(_ kind: Kind, reply: SMTPReply? = nil, curlCode: Int? = nil, detail: String, url: String) {
        self.kind = kind
        self.reply = reply
        self.curlCode = curlCode
        self.detail = detail
        self.url = url
    }

    public var description: String {
        var text = "SMTP send to \(url) failed: \(detail)"
        if let reply { text += "; server said: \(reply)" }
        if let curlCode { text += " (curl error \(curlCode))" }
        return text
    }
}
