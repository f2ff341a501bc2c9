/// A string value from a response: a literal `{n}` or a quoted string. `bytes` holds at most the
/// parser's retention limit; `size` is what the server announced, so truncation is visible.
public struct IMAPLiteral: Sendable, Hashable {
    public var bytes: [UInt8]
    public var size: Int

    public init(bytes: [UInt8], size: Int) {
        self.bytes = bytes
        self.size = size
    }

    public var isTruncated: Bool { bytes.count < size }
}
