import Glibc
import Tickets

/// `run`: the daemon. Cycle, then wait for news (IDLE where offered) up to `pollSeconds`; a
/// failed cycle is logged and retried with jittered backoff; SIGTERM/SIGINT finish the message
/// in hand and exit 0.
enum RunCommand: Command {
    static let name = "run"
    static let summary = "the daemon: IDLE or poll, intake, outbox, until SIGTERM"
    static let usage = """
        usage: support-intake run [--config F]
          Takes in mail until SIGTERM or SIGINT, then finishes the message in hand and exits 0.
        """
    /// The longest stretch the daemon waits without looking at the shutdown flag.
    static let shutdownCheckSeconds = 5.0

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let configuration = try arguments.configuration()
        try arguments.finish()
        ShutdownSignal.install()
        let clock = SystemClock()
        let log = StandardErrorLogSink(clock: clock)
        let service = try IntakeService(configuration: configuration, clock: clock, log: log)
        defer { service.close() }
        let backoff = RetryBackoff()
        var failures = 0
        log.log(LogEvent(.info, "run.started", ["mailbox": configuration.imap.mailbox]))
        while !ShutdownSignal.requested {
            do {
                _ = try service.runCycle(shouldStop: { ShutdownSignal.requested })
                failures = 0
                try waitForMail(service, seconds: configuration.imap.pollSeconds)
            } catch let error as ConfigurationError {
                throw CommandError.usage(error.description)
            } catch {
                failures += 1
                let delay = backoff.delay(afterFailures: failures, randomUnit: Double.random(in: 0...1))
                log.log(LogEvent(.error, "run.cycle_failed", [
                    "reason": "\(error)", "failures": String(failures), "retry_in": String(format: "%.1f", delay),
                ]))
                ShutdownSignal.sleep(seconds: delay)
            }
        }
        log.log(LogEvent(.info, "run.stopped", ["reason": "signal"]))
        return 0
    }

    /// Waits in slices so that a shutdown request is seen within `shutdownCheckSeconds`.
    private static func waitForMail(_ service: IntakeService, seconds: Double) throws {
        var waited = 0.0
        while waited < seconds, !ShutdownSignal.requested {
            let slice = min(shutdownCheckSeconds, seconds - waited)
            if try service.mailSource().waitForChange(seconds: slice) { return }
            waited += slice
        }
    }
}
