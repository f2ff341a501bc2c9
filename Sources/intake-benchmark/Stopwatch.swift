import Glibc

/// Wall-clock and CPU time of one stage. On this shared 2-core machine other builds take CPU
/// from the benchmark, so the wall time varies from run to run; the CPU time (user + system of
/// the process doing the stage) says what the stage costs by itself.
struct Timing {
    var wall: Double
    var cpu: Double
}

/// Starts timing a stage done in this process (`.inProcess`) or by child processes that are
/// waited for before `stop()` (`.children`: poll --once, mbsync).
///
/// Every stage starts with the disk quiet: `sync(2)` first writes back what earlier stages left
/// in the page cache. Without it a stage paid for the one before: mbsync's per-message fsyncs
/// after a poll that had written ~40 MB ran at half speed (1,479 instead of 2,803 msgs/s in two
/// runs minutes apart), which made the issue 3 ratio swing between 1.6x and 3.6x.
struct Stopwatch {
    enum Scope { case inProcess, children }

    private let scope: Scope
    private let wallStart: ContinuousClock.Instant
    private let cpuStart: Double

    init(_ scope: Scope) {
        sync()
        self.scope = scope
        cpuStart = Self.cpuSeconds(scope)
        wallStart = .now
    }

    func stop() -> Timing {
        Timing(wall: wallStart.duration(to: .now).seconds, cpu: Self.cpuSeconds(scope) - cpuStart)
    }

    private static func cpuSeconds(_ scope: Scope) -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t((scope == .inProcess ? RUSAGE_SELF : RUSAGE_CHILDREN).rawValue), &usage)
        let seconds = { (time: timeval) in Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
