public import Tickets

/// The outbox's view of the SMTP sender: one recipient per reply, and the three outcomes.
extension SMTPSender: MailSender {
    /// The SMTP server could not be reached at all: every reply would fail the same way, so the
    /// outbox stops its round without charging the reply an attempt (it stays due).
    public struct Unreachable: Error, CustomStringConvertible {
        public var failure: SMTPFailure
        public var description: String { "SMTP server unreachable: \(failure)" }
    }

    public func send(from: String, to recipient: String, bytes: [UInt8]) throws -> SendResult {
        switch try send(from: from, to: [recipient], bytes: bytes) {
        case .sent:
            return .sent
        case .transientFailure(let failure) where failure.kind == .connection && failure.reply == nil:
            throw Unreachable(failure: failure)
        case .transientFailure(let failure):
            return .transientFailure(failure.description)
        case .permanentFailure(let failure):
            return .permanentFailure(failure.description)
        }
    }
}
