/// One MIME entity (RFC 2045 §2.4) of a message: its header fields, what they say about the
/// content, and where its body lies in the message bytes. Entities form a flat list; multiparts
/// refer to their children by index (no recursion needed to build or walk them).
struct MIMEEntity: Sendable {
    var headers: HeaderFields
    /// Lower-case `type/subtype` after defaults (RFC 2045 §5.2, RFC 2046 §5.1.5 for digests).
    var contentType: String
    var contentTypeParameters: [String: String]
    /// Lower-case disposition type (RFC 2183), e.g. `attachment`, or nil.
    var disposition: String?
    var dispositionParameters: [String: String]
    /// Lower-case Content-Transfer-Encoding, `7bit` when absent.
    var transferEncoding: String
    var body: Range<Int>
    var depth: Int
    var parent: Int?
    var children: [Int] = []
    /// Whether this multipart was split into parts; a multipart whose parts could not be found is a leaf.
    var isContainer = false

    var mainType: Substring { contentType.prefix { $0 != "/" } }
    var isMultipart: Bool { contentType.hasPrefix("multipart/") }
    var isAttachmentDisposition: Bool { disposition == "attachment" }

    /// RFC 2183 §2.3 `filename`, else the RFC 2045 `name` parameter of Content-Type, without
    /// surrounding whitespace (as Python's `get_filename`).
    var hasFilename: Bool {
        dispositionParameters["filename"] != nil || contentTypeParameters["name"] != nil
    }

    var filename: String? {
        (dispositionParameters["filename"] ?? contentTypeParameters["name"])?.trimming(" \t\r\n")
    }
}
