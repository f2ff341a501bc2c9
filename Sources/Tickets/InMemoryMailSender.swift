/// Records what would have been sent, and answers with scripted results: the twin of the SMTP sender.
public final class InMemoryMailSender: MailSender {
    public struct Sent: Sendable, Hashable {
        public var from: String
        public var to: String
        public var bytes: [UInt8]
    }

    public private(set) var sent: [Sent] = []
    /// Results to give, in order, before falling back to `.sent`; an error entry is thrown.
    public var script: [Result<SendResult, any Error>] = []

    public init() {}

    public func send(from: String, to: String, bytes: [UInt8]) throws -> SendResult {
        let result = script.isEmpty ? .success(.sent) : script.removeFirst()
        let outcome = try result.get()
        if outcome == .sent { sent.append(Sent(from: from, to: to, bytes: bytes)) }
        return outcome
    }
}
