/// One header field as it was in the message: the name (a slice of the message bytes, turned into
/// a `String` only for the top-level header) and the unfolded value bytes (RFC 5322 §2.2.3: CRLF
/// before WSP removed), leading and trailing whitespace trimmed.
struct RawHeaderField: Sendable {
    let name: ArraySlice<UInt8>
    let value: [UInt8]

    /// Whether the name is `key` (lower-case ASCII), compared case-insensitively as RFC 5322 §1.2.2
    /// asks, on bytes: no lower-cased copy of every name.
    @inline(__always)
    func isNamed(_ key: StaticString) -> Bool {
        let count = key.utf8CodeUnitCount
        guard name.count == count else { return false }
        return name.withUnsafeBufferPointer { bytes in
            let expected = key.utf8Start
            for offset in 0..<count where ASCII.lowercased(bytes[offset]) != expected[offset] { return false }
            return true
        }
    }
}

/// The header fields of one entity, with lookups by (lower-case) name.
struct HeaderFields: Sendable {
    var fields: [RawHeaderField] = []

    /// The value of the first field named `key` (lower-case).
    func first(_ key: StaticString) -> [UInt8]? {
        for field in fields where field.isNamed(key) { return field.value }
        return nil
    }

    /// The values of every field named `key` (lower-case), in order.
    func all(_ key: StaticString) -> [[UInt8]] {
        var values: [[UInt8]] = []
        for field in fields where field.isNamed(key) { values.append(field.value) }
        return values
    }
}
