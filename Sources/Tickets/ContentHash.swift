/// The content hash that decides whether two deliveries are the same mail.
///
/// Rule: SHA-256 of the raw bytes from the first header field that is not a trace field on.
/// Delivery prepends trace fields (RFC 5321 §4.4 `Return-Path`/`Received`, plus `Delivered-To`,
/// `X-Original-To` and the authentication results receiving servers add) above the sender's own
/// header, so the same mail delivered to two support addresses differs only in that leading block.
/// Trace-like fields further down belong to the sender's message and are hashed. Two mails are
/// duplicates when their Message-IDs are equal (both absent counts as equal) and their content
/// hashes are equal; a reused Message-ID with different content makes a separate ticket.
public enum ContentHash {
    /// Leading header fields ignored by the hash (lower-case names).
    public static let traceFieldNames: Set<String> = [
        "return-path", "received", "delivered-to", "x-original-to", "envelope-to", "x-envelope-to",
        "authentication-results", "arc-seal", "arc-message-signature", "arc-authentication-results",
        "received-spf", "x-spam-checker-version", "x-spam-level", "x-spam-status", "x-spam-flag",
        "x-spam-score",
    ]
    /// The longest field name looked at; longer "names" are not trace fields.
    static let maxFieldNameLength = 64
    /// `traceFieldNames` as bytes, so each leading field is matched without making a String.
    private static let traceFieldNameBytes = traceFieldNames.map { Array($0.utf8) }

    /// The hex SHA-256 of `raw` without its leading trace fields.
    public static func hexDigest(of raw: [UInt8]) -> String {
        SHA256.hexDigest(raw[contentStart(of: raw)...])
    }

    /// Both ledger hashes of `raw`: the SHA-256 of all of it and the content hash. Mail without
    /// leading trace fields is hashed once, since then both are the same digest.
    public static func hexDigests(of raw: [UInt8]) -> (raw: String, content: String) {
        let whole = SHA256.hexDigest(raw)
        let start = contentStart(of: raw)
        return (whole, start == 0 ? whole : SHA256.hexDigest(raw[start...]))
    }

    /// The offset of the first byte after the leading trace fields.
    public static func contentStart(of raw: [UInt8]) -> Int {
        var offset = 0
        while offset < raw.count, let name = fieldName(in: raw, at: offset), isTraceField(raw[name]) {
            offset = endOfField(in: raw, from: offset)
        }
        return offset
    }

    /// Where the name of the header field starting at `offset` lies, or nil when no field starts there.
    private static func fieldName(in raw: [UInt8], at offset: Int) -> Range<Int>? {
        var index = offset
        while index < raw.count, index - offset <= maxFieldNameLength {
            let byte = raw[index]
            if byte == UInt8(ascii: ":") { return index == offset ? nil : offset..<index }
            if byte <= 0x20 || byte >= 0x7f { return nil }
            index += 1
        }
        return nil
    }

    /// Whether `name` (printable ASCII) is one of `traceFieldNames`, ignoring case. `| 0x20`
    /// lower-cases a letter; the names hold only lower-case letters and "-", and no other printable
    /// byte becomes one of those by it.
    private static func isTraceField(_ name: ArraySlice<UInt8>) -> Bool {
        traceFieldNameBytes.contains { candidate in
            candidate.count == name.count && zip(candidate, name).allSatisfy { $0 == ($1 | 0x20) }
        }
    }

    /// The offset just past the field starting at `offset`, including its folded continuation lines.
    private static func endOfField(in raw: [UInt8], from offset: Int) -> Int {
        var index = offset
        while index < raw.count {
            guard let newline = raw[index...].firstIndex(of: UInt8(ascii: "\n")) else { return raw.count }
            index = newline + 1
            guard index < raw.count, raw[index] == UInt8(ascii: " ") || raw[index] == UInt8(ascii: "\t") else {
                return index
            }
        }
        return raw.count
    }
}
