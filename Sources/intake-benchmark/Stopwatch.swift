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
/// Every stage starts with the page cache written back (`sync(2)`), so that no stage's own syncs
/// wait behind the writes an earlier stage left (a poll leaves ~40 MB). It does not steady
/// mbsync's rate: that swings with the inodes the file system freed shortly before (see main.swift).
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
