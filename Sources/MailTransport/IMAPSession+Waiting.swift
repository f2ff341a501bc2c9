import Glibc
import IMAPCore

extension IMAPSession {
    /// Without IDLE, how often NOOP asks the server for news while waiting.
    static let noopIntervalSeconds = 5.0

    /// Waits in IDLE when the server offers it, else polls with NOOP. Returns true as soon as
    /// the server reports new or expunged mail, false when `seconds` passed quietly.
    /// A change the server reported during an earlier command (a FETCH or STORE after the last
    /// listing) counts: the wait returns at once, so that mail is not left for the next poll.
    public func waitForChange(seconds: Double) throws -> Bool {
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(max(0, seconds) * 1000)))
        defer { unreportedChange = false }
        if unreportedChange { return true }
        return try withSelectedConnection { connection in
            if connection.capabilities.contains("IDLE") {
                return try idle(on: connection, until: deadline)
            }
            return try pollWithNoop(on: connection, until: deadline)
        }
    }

    private func idle(on connection: IMAPConnection, until deadline: ContinuousClock.Instant) throws -> Bool {
        while true {
            let renewal = ContinuousClock.now.advanced(by: .milliseconds(Int(max(0.1, configuration.idleRenewalSeconds) * 1000)))
            let tag = try connection.send(.idle)
            var changed = false
            var idling = false
            waiting: while true {
                guard let response = try connection.nextResponse(deadline: idling ? min(deadline, renewal) : nil) else { break }
                switch response {
                case .continuation:
                    idling = true
                    if changed { break waiting }
                case .untagged(let untagged):
                    if observe(untagged) { changed = true; if idling { break waiting } }
                case .tagged(let done) where done.tag == tag:
                    try done.requireOK(for: "IDLE", url: connection.url)
                    return changed
                case .tagged(let other):
                    throw IMAPSessionError(.protocolViolation, url: connection.url, detail: "unexpected completion during IDLE: \(other.tag) \(other.summary)")
                }
            }
            try connection.sendRaw(IMAPCommandEncoder.idleDone)
            try connection.finish(tag: tag) { if self.observe($0) { changed = true } }
                .requireOK(for: "IDLE", url: connection.url)
            if changed || ContinuousClock.now >= deadline { return changed }
        }
    }

    private func pollWithNoop(on connection: IMAPConnection, until deadline: ContinuousClock.Instant) throws -> Bool {
        while true {
            var changed = false
            try connection.run(.noop) { if self.observe($0) { changed = true } }.requireOK(for: "NOOP", url: connection.url)
            let remaining = ContinuousClock.now.duration(to: deadline)
            if changed || remaining <= .zero { return changed }
            let pause = min(remaining, .milliseconds(Int(Self.noopIntervalSeconds * 1000)))
            let microseconds = pause.components.seconds * 1_000_000 + pause.components.attoseconds / 1_000_000_000_000
            usleep(UInt32(clamping: microseconds))
        }
    }
}
