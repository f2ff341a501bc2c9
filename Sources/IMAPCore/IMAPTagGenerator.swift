/// Hands out command tags `S0001`, `S0002`, … Our own prefix keeps them apart from libcurl's
/// `A001…` used during login on the same connection.
public struct IMAPTagGenerator: Sendable {
    public let prefix: String
    private var counter = 0

    public init(prefix: String = "S") {
        self.prefix = prefix
    }

    public mutating func next() -> String {
        counter += 1
        let digits = String(counter)
        let minimumDigits = 4
        return prefix + String(repeating: "0", count: max(0, minimumDigits - digits.count)) + digits
    }
}
