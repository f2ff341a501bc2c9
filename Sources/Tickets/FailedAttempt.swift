public import Foundation

/// A message whose processing threw: what the ledger records about the attempt, and the bytes to
/// keep if it ends in quarantine.
public struct FailedAttempt: Sendable {
    public var key: LedgerKey
    public var messageID: String?
    public var rawSHA256: String
    public var contentSHA256: String
    public var reason: String
    public var raw: [UInt8]
    public var size: Int
    public var at: Date

    public init(
        key: LedgerKey, messageID: String?, rawSHA256: String, contentSHA256: String, reason: String,
        raw: [UInt8], size: Int, at: Date
    ) {
        self.key = key
        self.messageID = messageID
        self.rawSHA256 = rawSHA256
        self.contentSHA256 = contentSHA256
        self.reason = reason
        self.raw = raw
        self.size = size
        self.at = at
    }
}
