/// Why the server's bytes could not be read as IMAP. After any of these the connection's byte
/// stream is no longer trustworthy and must be dropped.
public struct IMAPParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case lineTooLong(limit: Int)
        case literalTooLarge(size: Int, limit: Int)
        case tooManyLiterals(limit: Int)
        case nestingTooDeep(limit: Int)
        case tooManySearchResults(limit: Int)
        case syntax(expected: String)
    }

    public var kind: Kind
    /// The start of the offending line, printable ASCII only, for the log.
    public var excerpt: String

    public init(_ kind: Kind, excerpt: String) {
        self.kind = kind
        self.excerpt = excerpt
    }

    public var description: String {
        let what: String
        switch kind {
        case .lineTooLong(let limit): what = "response line longer than \(limit) bytes"
        case .literalTooLarge(let size, let limit): what = "literal of \(size) bytes exceeds the limit of \(limit)"
        case .tooManyLiterals(let limit): what = "more than \(limit) literals in one response"
        case .nestingTooDeep(let limit): what = "lists nested deeper than \(limit)"
        case .tooManySearchResults(let limit): what = "search answer with more than \(limit) UIDs"
        case .syntax(let expected): what = "expected \(expected)"
        }
        return "IMAP response unreadable: \(what) in \"\(excerpt)\""
    }

    /// A short printable rendering of raw bytes for error messages.
    static func excerpt(of bytes: some Collection<UInt8>) -> String {
        let maxExcerpt = 120
        let printable = bytes.prefix(maxExcerpt).map { $0 >= 0x20 && $0 < 0x7F ? Character(UnicodeScalar($0)) : "?" }
        return String(printable) + (bytes.count > maxExcerpt ? "…" : "")
    }
}
