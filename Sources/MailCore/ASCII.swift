/// Byte-level helpers for the ASCII syntax of mail: every delimiter in RFC 5322 and MIME is ASCII,
/// so the parser works on bytes and only turns what it outputs into `String`.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let equals: UInt8 = 0x3D
    static let question: UInt8 = 0x3F
    static let hyphen: UInt8 = 0x2D
    static let backslash: UInt8 = 0x5C

    /// RFC 5234 WSP, plus CR and LF (whitespace as mail software treats it).
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == cr || byte == lf
    }

    @inline(__always)
    /// Whether two header field names are equal ignoring ASCII case (RFC 5322 §1.2.2: field names
    /// are case-insensitive and ASCII), without Foundation's locale-aware comparison.
    static func equalIgnoringCase(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.count == rhs.utf8.count && lhs.utf8.elementsEqual(rhs.utf8) { lowercased($0) == lowercased($1) }
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// The value of a hexadecimal digit, or nil.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    /// `bytes` without leading and trailing whitespace.
    static func trimmed<C: RandomAccessCollection>(_ bytes: C) -> C.SubSequence where C.Element == UInt8 {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isWhitespace(bytes[start]) { start = bytes.index(after: start) }
        while end > start, isWhitespace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        return bytes[start..<end]
    }

    /// `bytes` without leading and trailing bytes from `unwanted` (ASCII).
    static func trimmed<C: BidirectionalCollection>(_ bytes: C, dropping unwanted: StaticString) -> C.SubSequence
    where C.Element == UInt8 {
        let set = UnsafeBufferPointer(start: unwanted.utf8Start, count: unwanted.utf8CodeUnitCount)
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, set.contains(bytes[start]) { start = bytes.index(after: start) }
        while end > start, set.contains(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        return bytes[start..<end]
    }

    /// Lower-cased ASCII string of `bytes` (non-ASCII bytes are read as Latin-1).
    /// Written straight into the string's storage (no intermediate array); `droppingWhitespace`
    /// leaves out whitespace bytes on the way.
    static func lowercasedString<C: Collection>(_ bytes: C, droppingWhitespace: Bool = false) -> String
    where C.Element == UInt8 {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var count = 0
            for byte in bytes where !(droppingWhitespace && isWhitespace(byte)) {
                buffer[count] = lowercased(byte)
                count += 1
            }
            return count
        }
    }

    /// Whether `bytes` contains only 7-bit bytes.
    static func isSevenBit<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        bytes.allSatisfy { $0 < 0x80 }
    }

    /// Runs of whitespace collapsed to one space, trimmed at both ends.
    static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }).joined(separator: " ")
    }
}
