/// A password or token: its description never shows the value, so a secret that slips into a
/// log line or an error message prints as a mask.
public struct Secret: Sendable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) { self.value = value }

    public var description: String { "•••" }
}
