/// How long to wait after consecutive failures of a whole cycle (server down, login refused):
/// exponential from `initialSeconds`, capped at `maxSeconds`, with "equal jitter" (a random
/// point in the upper half) so that several gateways do not reconnect in lockstep.
public struct RetryBackoff: Sendable, Hashable {
    public static let defaultInitialSeconds = 1.0
    public static let defaultMaxSeconds = 300.0

    public var initialSeconds: Double
    public var maxSeconds: Double

    public init(initialSeconds: Double = defaultInitialSeconds, maxSeconds: Double = defaultMaxSeconds) {
        self.initialSeconds = initialSeconds
        self.maxSeconds = max(initialSeconds, maxSeconds)
    }

    /// The wait after `failures` consecutive failures (1 for the first); `randomUnit` in 0...1
    /// comes from the caller, so this stays a pure function.
    public func delay(afterFailures failures: Int, randomUnit: Double) -> Double {
        let exponent = Double(min(max(failures - 1, 0), 30))
        let ceiling = min(maxSeconds, initialSeconds * pow2(exponent))
        let unit = min(max(randomUnit, 0), 1)
        return ceiling / 2 + ceiling / 2 * unit
    }

    private func pow2(_ exponent: Double) -> Double {
        var value = 1.0
        var remaining = Int(exponent)
        while remaining > 0 {
            value *= 2
            remaining -= 1
        }
        return value
    }
}
