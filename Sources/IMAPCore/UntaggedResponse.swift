/// Untagged server data (`* …`, RFC 9051 §7.2–7.5). Responses the client does not act on are
/// kept as `.other` with their name and raw text rather than rejected.
public enum UntaggedResponse: Sendable, Hashable {
    case status(ResponseCondition, ResponseText)
    case capability([String])
    case flags([String])
    case exists(Int)
    case recent(Int)
    case expunge(Int)
    /// `* SEARCH` (RFC 3501 §7.2.5): matching UIDs or sequence numbers, in the server's order.
    case search([UInt32])
    case esearch(ExtendedSearchResult)
    case fetch(FetchResponse)
    case other(name: String, text: String)
}

/// `* ESEARCH (TAG "x") UID MIN a MAX b ALL set COUNT n` (RFC 4731).
public struct ExtendedSearchResult: Sendable, Hashable {
    public var tag: String?
    public var isUID: Bool
    public var all: SequenceSet?
    public var min: UInt32?
    public var max: UInt32?
    public var count: Int?

    public init(tag: String? = nil, isUID: Bool = false, all: SequenceSet? = nil,
                min: UInt32? = nil, max: UInt32? = nil, count: Int? = nil) {
        self.tag = tag
        self.isUID = isUID
        self.all = all
        self.min = min
        self.max = max
        self.count = count
    }
}

/// `* n FETCH (…)` (RFC 9051 §7.5.2): the items the client asks for; the rest are skipped.
public struct FetchResponse: Sendable, Hashable {
    public var sequenceNumber: Int
    public var uid: UInt32?
    public var rfc822Size: Int?
    public var flags: [String]?
    /// `BODY[]` (or `RFC822`, `BINARY[]`): the whole message; nil when not in this response or NIL.
    public var body: IMAPLiteral?

    public init(sequenceNumber: Int, uid: UInt32? = nil, rfc822Size: Int? = nil,
                flags: [String]? = nil, body: IMAPLiteral? = nil) {
        self.sequenceNumber = sequenceNumber
        self.uid = uid
        self.rfc822Size = rfc822Size
        self.flags = flags
        self.body = body
    }
}
