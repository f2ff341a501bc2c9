public import Foundation

/// Decides whether an automatic reply may go out, so that support-intake never answers a machine,
/// itself, or the same person too often (RFC 3834 §2, §3.1). Every "no" carries a reason for the record.
public struct LoopGuard: Sendable {
    /// Default per-recipient budget: at most 3 automatic replies per hour and 10 per day.
    public static let defaultHourlyLimit = 3
    public static let defaultDailyLimit = 10

    /// Local parts that belong to machines (RFC 3834 §3.1.3 and common practice).
    static let machineLocalParts: Set<String> = [
        "mailer-daemon", "postmaster", "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply",
        "do_not_reply", "bounce", "bounces", "listserv", "majordomo", "autoreply", "auto-reply",
    ]

    public var support: SupportIdentity
    public var hourlyLimit: Int
    public var dailyLimit: Int

    public init(support: SupportIdentity, hourlyLimit: Int = defaultHourlyLimit, dailyLimit: Int = defaultDailyLimit) {
        self.support = support
        self.hourlyLimit = hourlyLimit
        self.dailyLimit = dailyLimit
    }

    /// What is known about the inbound mail and the recipient when deciding.
    public struct Situation: Sendable {
        /// The classifier's category (`automated`, `ignore`, `followup`, `standard`, `extended`).
        public var category: String
        public var recipient: String
        public var inboundMessageID: String?
        public var autoSubmitted: String?
        public var precedence: String?
        public var hasListHeaders: Bool
        public var autoResponseSuppress: String?
        /// The Return-Path value if the header is present (`""` or `<>` means a bounce).
        public var returnPath: String?
        /// When we sent automatic replies to this recipient before.
        public var earlierReplies: [Date]
        public var now: Date

        public init(category: String, recipient: String, inboundMessageID: String? = nil, autoSubmitted: String? = nil,
                    precedence: String? = nil, hasListHeaders: Bool = false, autoResponseSuppress: String? = nil,
                    returnPath: String? = nil, earlierReplies: [Date] = [], now: Date) {
            self.category = category
            self.recipient = recipient
            self.inboundMessageID = inboundMessageID
            self.autoSubmitted = autoSubmitted
            self.precedence = precedence
            self.hasListHeaders = hasListHeaders
            self.autoResponseSuppress = autoResponseSuppress
            self.returnPath = returnPath
            self.earlierReplies = earlierReplies
            self.now = now
        }
    }

    /// nil when the reply may go out, else the reason it must not.
    public func suppressionReason(_ situation: Situation) -> String? {
        let category = situation.category
        if ["automated", "ignore"].contains(category) { return "category \(category) gets no automatic reply" }
        let recipient = situation.recipient.lowercased()
        guard recipient.contains("@"), !recipient.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) else {
            return "no usable reply address"
        }
        if recipient == support.address.lowercased() { return "recipient is our own support address" }
        let localPart = recipient.split(separator: "@").first.map(String.init) ?? ""
        if Self.machineLocalParts.contains(localPart) || localPart.hasPrefix("bounce") {
            return "recipient \(localPart)@ is a machine address"
        }
        if let id = situation.inboundMessageID?.lowercased(), id.hasSuffix("@" + support.domain.lowercased()), id.hasPrefix("ticket-") {
            return "inbound message is one of our own replies"
        }
        if let reason = headerReason(situation) { return reason }
        let hourAgo = situation.now.addingTimeInterval(-3600), dayAgo = situation.now.addingTimeInterval(-86_400)
        if situation.earlierReplies.filter({ $0 > hourAgo }).count >= hourlyLimit {
            return "recipient already got \(hourlyLimit) automatic replies in the last hour"
        }
        if situation.earlierReplies.filter({ $0 > dayAgo }).count >= dailyLimit {
            return "recipient already got \(dailyLimit) automatic replies in the last day"
        }
        return nil
    }

    /// Header signals of automatic or bulk mail, checked even when the classifier said otherwise.
    private func headerReason(_ situation: Situation) -> String? {
        if let value = situation.autoSubmitted?.trimmingCharacters(in: .whitespaces).lowercased(), !value.isEmpty,
           !value.hasPrefix("no") {
            return "Auto-Submitted: \(value)"
        }
        if let value = situation.precedence?.trimmingCharacters(in: .whitespaces).lowercased(),
           ["bulk", "list", "junk", "auto_reply"].contains(value) {
            return "Precedence: \(value)"
        }
        if situation.hasListHeaders { return "mailing-list headers (List-Id/List-Unsubscribe)" }
        if let value = situation.autoResponseSuppress?.lowercased(),
           value.contains("all") || value.contains("autoreply") || value.contains("oof") {
            return "X-Auto-Response-Suppress: \(value)"
        }
        if let path = situation.returnPath?.trimmingCharacters(in: .whitespaces), path.isEmpty || path == "<>" {
            return "empty Return-Path (a bounce)"
        }
        return nil
    }
}
