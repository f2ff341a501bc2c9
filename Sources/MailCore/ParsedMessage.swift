public import Foundation

/// One mailbox of an address header (RFC 5322 §3.4): `name` is the decoded display name
/// (`""` when there is none), `address` is `local@domain` without angle brackets.
public struct Mailbox: Sendable, Hashable, Codable {
    public var name: String
    public var address: String

    public init(name: String, address: String) {
        self.name = name
        self.address = address
    }
}

/// A leaf MIME part that is not the selected text or HTML body (see parse-json.md, "Attachments").
public struct Attachment: Sendable, Hashable {
    /// The decoded filename (RFC 2231 / RFC 2047), or nil.
    public var filename: String?
    /// Lower-case `type/subtype` without parameters.
    public var contentType: String
    /// Length after removing the transfer encoding; nil is allowed for `message/*` parts.
    public var sizeBytesDecoded: Int?

    public init(filename: String?, contentType: String, sizeBytesDecoded: Int?) {
        self.filename = filename
        self.contentType = contentType
        self.sizeBytesDecoded = sizeBytesDecoded
    }
}

/// One header field in the order it appeared: the name as written and the value unfolded,
/// with RFC 2047 encoded-words left as they are (decode them per field, where the RFC allows).
public struct HeaderField: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Something the parser noticed and tolerated: what kind, and where or what exactly.
public struct ParseDefect: Sendable, Hashable {
    public var kind: String
    public var detail: String

    public init(kind: String, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// The one-line form used in `parse --json` (`kind: detail`).
    public var description: String { detail.isEmpty ? kind : "\(kind): \(detail)" }
}

/// The parser's best reading of one message. Parsing never fails: what it could not read
/// cleanly is listed in `defects`.
public struct ParsedMessage: Sendable {
    /// Top-level header fields in order.
    public var headers: [HeaderField]
    public var subject: String?
    public var from: [Mailbox]
    public var to: [Mailbox]
    public var cc: [Mailbox]
    public var replyTo: [Mailbox]
    public var messageID: String?
    public var inReplyTo: String?
    public var references: [String]
    public var date: Date?
    /// The selected text/plain body, decoded to Unicode.
    public var textBody: String? { didSet { bodyText = Self.words(textBody, htmlBody) } }
    /// The selected text/html body, decoded to Unicode.
    public var htmlBody: String? { didSet { if textBody == nil { bodyText = Self.words(textBody, htmlBody) } } }
    /// The words of the message: the text body, else the HTML body rendered as text, else "".
    ///
    /// Kept up to date whenever a body is set, so the HTML is rendered once per message rather than
    /// on every read (classification, cost answers, ticket text and JSON all read it).
    public private(set) var bodyText: String
    public var attachments: [Attachment]
    public var autoSubmitted: String?
    public var precedence: String?
    /// Lower-case `type/subtype` of the top-level entity (e.g. `multipart/report`).
    public var contentType: String
    /// Lower-case `type/subtype` of every MIME entity, depth first (e.g. to find `message/delivery-status`).
    public var partContentTypes: [String]
    public var defects: [ParseDefect]

    public init(
        headers: [HeaderField] = [], subject: String? = nil, from: [Mailbox] = [], to: [Mailbox] = [],
        cc: [Mailbox] = [], replyTo: [Mailbox] = [], messageID: String? = nil, inReplyTo: String? = nil,
        references: [String] = [], date: Date? = nil, textBody: String? = nil, htmlBody: String? = nil,
        attachments: [Attachment] = [], autoSubmitted: String? = nil, precedence: String? = nil,
        contentType: String = "text/plain", partContentTypes: [String] = [], defects: [ParseDefect] = []
    ) {
        self.headers = headers
        self.subject = subject
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.date = date
        self.textBody = textBody
        self.htmlBody = htmlBody
        bodyText = Self.words(textBody, htmlBody)
        self.attachments = attachments
        self.autoSubmitted = autoSubmitted
        self.precedence = precedence
        self.contentType = contentType
        self.partContentTypes = partContentTypes
        self.defects = defects
    }

    /// Every value of the header `name` (case-insensitive), in order.
    public func headerValues(_ name: String) -> [String] {
        headers.filter { ASCII.equalIgnoringCase($0.name, name) }.map(\.value)
    }

    /// The first value of the header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { ASCII.equalIgnoringCase($0.name, name) }?.value
    }
}

extension ParsedMessage {
    /// `bodyText` for these bodies.
    private static func words(_ textBody: String?, _ htmlBody: String?) -> String {
        textBody ?? htmlBody.map(HTMLText.render) ?? ""
    }
}
