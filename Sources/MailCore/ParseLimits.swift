/// The parser's resource limits. Each has its own defect kind, so a message that hits one is
/// visibly truncated rather than silently misread, and hostile input cannot exhaust memory or stack.
public enum ParseLimits {
    /// Deepest multipart nesting that is split into children; deeper entities are read as leaves.
    public static let maxNestingDepth = 50
    /// Most MIME entities per message; further parts are not split out.
    public static let maxParts = 10_000
    /// Most header fields read per entity; the rest are skipped.
    public static let maxHeaderFields = 10_000
    /// Largest header block per entity in bytes; beyond it the fields are skipped.
    public static let maxHeaderBytes = 4 * 1024 * 1024
    /// RFC 5322 §2.1.1: lines "MUST be no more than 998 characters" (excluding CRLF).
    public static let maxLineLength = 998
    /// Most addresses read from one address header.
    public static let maxAddressesPerHeader = 10_000
    /// Most msg-ids read from References.
    public static let maxReferences = 10_000
}
