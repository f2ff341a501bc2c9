import Glibc
import Synchronization

/// SIGTERM/SIGINT set a flag that the daemon checks between messages and while waiting, so it
/// finishes the message in hand and exits 0. The handler does nothing but an atomic store,
/// which is async-signal-safe.
enum ShutdownSignal {
    private static let requestedFlag = Atomic<Bool>(false)

    static var requested: Bool { requestedFlag.load(ordering: .relaxed) }

    /// Installs the handler for SIGTERM and SIGINT, and unblocks both: a process inherits its
    /// parent's signal mask, and a parent that spawned us from a thread with these signals blocked
    /// would otherwise leave the daemon deaf to `kill`.
    static func install() {
        let handler: @convention(c) (Int32) -> Void = { _ in
            ShutdownSignal.requestedFlag.store(true, ordering: .relaxed)
        }
        signal(SIGTERM, handler)
        signal(SIGINT, handler)
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        sigprocmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Sleeps up to `seconds`, waking early when shutdown is requested.
    static func sleep(seconds: Double) {
        var remaining = seconds
        while remaining > 0, !requested {
            let slice = min(remaining, 0.2)
            usleep(UInt32(slice * 1_000_000))
            remaining -= slice
        }
    }
}
