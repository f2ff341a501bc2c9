public import Tickets

/// The outbox's view of the SMTP sender: one recipient per reply, and the three outcomes.
extension SMTPSender: MailSender {
    public func send(from: String, to recipient: String, bytes: [UInt8]) throws -> SendResult {
        switch try send(from: from, to: [recipient], bytes: bytes) {
        case .sent: .sent
        case .transientFailure(let failure): .transientFailure(failure.description)
        case .permanentFailure(let failure): .permanentFailure(failure.description)
        }
    }
}
