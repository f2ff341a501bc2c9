import Glibc

/// Polls `condition` every 0.1 s until it holds or `seconds` pass; returns its last answer.
func waitUntil(seconds: Double, _ condition: () throws -> Bool) throws -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if try condition() { return true }
        usleep(100_000)
    }
    return try condition()
}
