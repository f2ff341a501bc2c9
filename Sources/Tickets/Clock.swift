public import Foundation

/// The time, passed in so that the pure core never reads the system clock.
public protocol Clock: AnyObject {
    func now() -> Date
}

/// A clock that stands still until told to move: the twin for tests.
public final class ManualClock: Clock {
    public var current: Date

    public init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { current = start }

    public func now() -> Date { current }

    public func advance(by seconds: TimeInterval) { current += seconds }
}
