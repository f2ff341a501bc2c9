/// What one intake cycle did, for the log line that closes it and for tests.
public struct IntakeSummary: Sendable, Hashable {
    public var fetched = 0
    public var ticketed = 0
    public var duplicates = 0
    public var ignored = 0
    public var alreadySettled = 0
    public var failed = 0
    public var quarantined = 0
    public var marked = 0

    public init() {}

    mutating func count(_ outcome: IntakeOutcome) {
        switch outcome {
        case .ticketed: ticketed += 1
        case .duplicate: duplicates += 1
        case .ignored: ignored += 1
        case .alreadySettled: alreadySettled += 1
        }
    }

    mutating func add(_ other: IntakeSummary) {
        fetched += other.fetched
        ticketed += other.ticketed
        duplicates += other.duplicates
        ignored += other.ignored
        alreadySettled += other.alreadySettled
        failed += other.failed
        quarantined += other.quarantined
        marked += other.marked
    }

    public var logFields: KeyValuePairs<String, String> {
        [
            "fetched": String(fetched), "ticketed": String(ticketed), "duplicates": String(duplicates),
            "ignored": String(ignored), "already_settled": String(alreadySettled), "failed": String(failed),
            "quarantined": String(quarantined), "marked": String(marked),
        ]
    }
}
