import Foundation

/// The behaviour every `TicketStore` must show, as checks that run against any implementation:
/// the test suites run them against the in-memory twin and the SQLite store alike. Lives in the
/// library (not a test target) because both test targets need it.
public enum TicketStoreConformance {
    /// One named check; it throws `Failure` when the store misbehaves.
    public struct Check: Sendable, CustomStringConvertible {
        public var name: String
        public var run: @Sendable (any TicketStore) throws -> Void
        public var description: String { name }
    }

    /// A broken expectation: what was expected and what the store did.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static let checks: [Check] = ledgerChecks + ticketChecks + quarantineChecks + responderChecks

    /// The check called `name` (for parameterised tests, which take names as arguments).
    public static func check(named name: String) -> Check? { checks.first { $0.name == name } }

    static func expect(_ condition: Bool, _ what: @autoclosure () throws -> String) throws {
        if !condition { throw Failure(description: try what()) }
    }

    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// A small, valid mail with this Message-ID and body.
    static func mail(messageID: String?, body: String, from: String = "kunde@example.org", subject: String = "Hilfe") -> [UInt8] {
        var lines = ["From: Kunde <\(from)>", "To: support@example-hosting.de", "Subject: \(subject)"]
        if let messageID { lines.append("Message-ID: <\(messageID)>") }
        lines += ["", body, ""]
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    /// The record the intake would commit for `raw` fetched at `uid`.
    static func record(
        uid: UInt32, raw: [UInt8], mailbox: String = "INBOX", uidValidity: UInt32 = 7, size: Int? = nil,
        classification: Classification? = nil, at offset: TimeInterval = 0
    ) -> IntakeRecord {
        let key = LedgerKey(mailbox: mailbox, uidValidity: uidValidity, uid: uid)
        let parsedID = raw.split(separator: UInt8(ascii: "\n")).lazy
            .map { String(decoding: $0, as: UTF8.self) }
            .first { $0.hasPrefix("Message-ID: <") }
            .map { String($0.dropFirst("Message-ID: <".count).prefix { $0 != ">" }) }
        let subject = raw.split(separator: UInt8(ascii: "\n")).lazy
            .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
            .first { $0.hasPrefix("Subject: ") }
            .map { String($0.dropFirst("Subject: ".count)) } ?? IntakeRecord.missingSubject
        let action: IntakeRecord.Action = classification?.needsNoTicket == true
            ? .ignore(reason: "classified \(classification?.category.rawValue ?? "")")
            : .newTicket(NewTicket(
                customer: "kunde@example.org", subject: subject, suggestedHandling: classification?.suggestedHandling,
                status: .new, notes: (size ?? raw.count) > raw.count ? ["message truncated"] : []))
        return IntakeRecord(
            key: key, messageID: parsedID, rawSHA256: SHA256.hexDigest(raw),
            contentSHA256: ContentHash.hexDigest(of: raw), raw: raw, size: size ?? raw.count, action: action,
            classification: classification, receivedAt: start.addingTimeInterval(offset))
    }

    static func failure(uid: UInt32, raw: [UInt8], reason: String = "classifier exploded") -> FailedAttempt {
        FailedAttempt(
            key: LedgerKey(mailbox: "INBOX", uidValidity: 7, uid: uid), messageID: nil,
            rawSHA256: SHA256.hexDigest(raw), contentSHA256: ContentHash.hexDigest(of: raw), reason: reason,
            raw: raw, size: raw.count, at: start)
    }
}
