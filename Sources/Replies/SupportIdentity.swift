/// Who replies: the support address and display name from the configuration.
public struct SupportIdentity: Sendable, Hashable {
    public var address: String
    public var name: String

    public init(address: String, name: String) {
        self.address = address
        self.name = name
    }

    /// The domain our Message-IDs end in (the part after `@` of the support address).
    public var domain: String {
        address.split(separator: "@").last.map(String.init) ?? "localhost"
    }
}
