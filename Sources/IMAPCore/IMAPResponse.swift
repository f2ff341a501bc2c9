/// One complete server response (RFC 9051 §7): a tagged completion, an untagged datum, or a
/// command continuation request.
public enum IMAPResponse: Sendable, Hashable {
    case tagged(TaggedResponse)
    case untagged(UntaggedResponse)
    /// `+ text` (RFC 9051 §7.5): the server waits for a literal or is idling.
    case continuation(String)
}

/// The state word of a status response (RFC 9051 §7.1).
public enum ResponseCondition: String, Sendable, Hashable {
    case ok = "OK", no = "NO", bad = "BAD", preauth = "PREAUTH", bye = "BYE"
}

/// `resp-text` (RFC 9051 §7.1): an optional bracketed code, then human-readable text.
public struct ResponseText: Sendable, Hashable {
    public var code: ResponseCode?
    public var text: String

    public init(code: ResponseCode? = nil, text: String) {
        self.code = code
        self.text = text
    }
}

/// `tag SP (OK / NO / BAD) SP resp-text`: the end of one command.
public struct TaggedResponse: Sendable, Hashable {
    public var tag: String
    public var condition: ResponseCondition
    public var text: ResponseText

    public init(tag: String, condition: ResponseCondition, text: ResponseText) {
        self.tag = tag
        self.condition = condition
        self.text = text
    }

    /// The server's words for the log: `NO [TRYCREATE] Mailbox doesn't exist`.
    public var summary: String {
        var parts = [condition.rawValue]
        if let code = text.code { parts.append("[\(code.name)]") }
        if !text.text.isEmpty { parts.append(text.text) }
        return parts.joined(separator: " ")
    }
}
