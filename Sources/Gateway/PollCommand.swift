import Tickets

/// `poll --once`: one intake cycle; exit 0 when it completed, 1 with the reason when the server
/// or the store failed, 2 for bad usage or configuration.
enum PollCommand: Command {
    static let name = "poll"
    static let summary = "one intake cycle (poll --once)"
    static let usage = """
        usage: support-intake poll --once [--config F]
          Fetches new mail from the configured mailbox, tickets it, queues and sends the replies, and
          marks the mail, once.
          Exit status: 0 the cycle completed, 1 the mail server, the SMTP server or the store failed
          (replies that could not be sent stay queued for the next cycle), 2 bad usage or configuration.
        """

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        guard arguments.flag("--once") else { throw CommandError.usage("poll needs --once (the daemon is 'run')") }
        let configuration = try arguments.configuration()
        try arguments.finish()
        let clock = SystemClock()
        let log = StandardErrorLogSink(clock: clock)
        let service = try IntakeService(configuration: configuration, clock: clock, log: log)
        defer { service.close() }
        do {
            let summary = try service.runCycle()
            let sendFailure = service.finishOutbox(abandon: false)
            return summary.deliveryError == nil && sendFailure == nil ? 0 : 1
        } catch let error as ConfigurationError {
            throw CommandError.usage(error.description)
        } catch {
            log.log(LogEvent(.error, "poll.failed", ["reason": "\(error)"]))
            return 1
        }
    }
}
