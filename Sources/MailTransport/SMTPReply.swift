/// A server reply as the server worded it: the three-digit code and the text of every line
/// (RFC 5321 §4.2), kept so that a parked mail says why in the server's own words.
public struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
    public var code: Int
    /// The lines without code and separator, joined with a space.
    public var text: String

    public init(code: Int, text: String) {
        self.code = code
        self.text = text
    }

    public var description: String { text.isEmpty ? "\(code)" : "\(code) \(text)" }
}
