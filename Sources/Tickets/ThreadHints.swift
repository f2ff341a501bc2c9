public import MailCore

/// What an inbound mail says about the ticket it may belong to, read from its headers: the
/// Message-IDs it answers and a `[Ticket#N]` tag in its subject. The store turns these into a
/// ticket with `FollowUpRule`.
public struct ThreadHints: Sendable, Hashable {
    /// In-Reply-To and References, newest reference first (without angle brackets).
    public var referencedMessageIDs: [String]
    /// The N of the first `[Ticket#N]` in the subject.
    public var mentionedTicket: String?
    /// The sender's addresses (From and Reply-To), lower-cased: who may continue a ticket by number.
    public var senders: [String]

    public init(referencedMessageIDs: [String] = [], mentionedTicket: String? = nil, senders: [String] = []) {
        self.referencedMessageIDs = referencedMessageIDs
        self.mentionedTicket = mentionedTicket
        self.senders = senders
    }

    /// The hints of a parsed mail.
    public init(_ message: ParsedMessage) {
        var ids: [String] = []
        for id in [message.inReplyTo].compactMap({ $0 }) + message.references.reversed() where !ids.contains(id) {
            ids.append(id)
        }
        self.init(
            referencedMessageIDs: ids, mentionedTicket: message.subject.flatMap(Self.ticketTag),
            senders: (message.from + message.replyTo).map { $0.address.lowercased() }.filter { !$0.isEmpty })
    }

    /// Whether there is anything to look up (most new requests have neither).
    public var isEmpty: Bool { referencedMessageIDs.isEmpty && mentionedTicket == nil }

    /// The N of the first `[Ticket#N]` in `subject` (case-insensitive, spaces allowed around `#`;
    /// at most 12 digits: a longer number is not one of ours).
    public static func ticketTag(in subject: String) -> String? {
        guard subject.contains("[") else { return nil }
        return subject.firstMatch(of: /\[ticket *# *([0-9]{1,12})\]/.ignoresCase()).map { String($0.1) }
    }
}
