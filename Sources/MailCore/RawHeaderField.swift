/// One header field as it was in the message: the name and the unfolded value bytes
/// (RFC 5322 §2.2.3: CRLF before WSP removed), leading and trailing whitespace trimmed.
struct RawHeaderField: Sendable {
    let name: String
    /// Lower-cased name, for the case-insensitive lookups RFC 5322 §1.2.2 asks for.
    let key: String
    let value: [UInt8]
}

/// The header fields of one entity, with lookups by (lower-case) name.
struct HeaderFields: Sendable {
    var fields: [RawHeaderField] = []

    /// The value of the first field named `key` (lower-case).
    func first(_ key: String) -> [UInt8]? {
        fields.first { $0.key == key }?.value
    }

    /// The values of every field named `key` (lower-case), in order.
    func all(_ key: String) -> [[UInt8]] {
        fields.filter { $0.key == key }.map(\.value)
    }
}
