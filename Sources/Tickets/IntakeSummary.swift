/// What one intake cycle did, for the log line that closes it and for tests.
public struct IntakeSummary: Sendable, Hashable {
    public var fetched = 0
    public var ticketed = 0
    public var followUps = 0
    public var duplicates = 0
    public var ignored = 0
    public var alreadySettled = 0
    public var failed = 0
    public var quarantined = 0
    public var marked = 0
    /// Replies sent by this cycle's own calls into a synchronous outbox (a background sender
    /// reports its own `outbox.round_done`).
    public var repliesSent = 0
    public var repliesRetrying = 0
    public var repliesParked = 0
    /// Why the outbox could not send in this cycle (its replies stay queued), if it could not.
    public var deliveryError: String?

    public init() {}

    mutating func count(_ outcome: IntakeOutcome) {
        switch outcome {
        case .ticketed: ticketed += 1
        case .followUp: followUps += 1
        case .duplicate: duplicates += 1
        case .ignored: ignored += 1
        case .alreadySettled: alreadySettled += 1
        }
    }

    mutating func add(_ other: IntakeSummary) {
        fetched += other.fetched
        ticketed += other.ticketed
        followUps += other.followUps
        duplicates += other.duplicates
        ignored += other.ignored
        alreadySettled += other.alreadySettled
        failed += other.failed
        quarantined += other.quarantined
        marked += other.marked
        repliesSent += other.repliesSent
        repliesRetrying += other.repliesRetrying
        repliesParked += other.repliesParked
    }

    public var logFields: KeyValuePairs<String, String> {
        [
            "fetched": String(fetched), "ticketed": String(ticketed), "follow_ups": String(followUps), "duplicates": String(duplicates),
            "ignored": String(ignored), "already_settled": String(alreadySettled), "failed": String(failed),
            "quarantined": String(quarantined), "marked": String(marked),
        ]
    }
}
