/// The in-memory twin of the IMAP session: mailboxes of messages with UIDs, a keyword set by
/// `markProcessed`, and switches that make calls fail, for pipeline tests.
public final class InMemoryMailSource: MailSource {
    /// One message in a mailbox.
    public struct Message: Sendable, Hashable {
        public var uid: UInt32
        public var bytes: [UInt8]
        public var processed: Bool
    }

    /// An error the twin throws when a switch says so.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    private struct Folder {
        var uidValidity: UInt32
        var nextUID: UInt32 = 1
        var messages: [Message] = []
    }

    private var folders: [String: Folder] = [:]
    private var selected: String?
    /// When set, `markProcessed` throws (a crash or disconnect after the commit, before marking).
    public var failMarking = false
    /// When set, `fetch` throws (a server dropping the connection mid-fetch).
    public var failFetching = false
    /// Called at the start of each `fetch` (e.g. to deliver mail while the intake is busy).
    public var onFetch: (() -> Void)?
    /// Called at the start of each `markProcessed` (e.g. to look at the store at that moment).
    public var onMark: (() -> Void)?
    /// The UID lists `fetch` was asked for, in order.
    public private(set) var fetchRequests: [[UInt32]] = []
    /// The UID lists `markProcessed` was asked for, in order.
    public private(set) var markRequests: [[UInt32]] = []

    public init() {}

    /// Delivers a message into `mailbox` (created on first use) and returns its UID.
    @discardableResult
    public func deliver(_ bytes: [UInt8], to mailbox: String = "INBOX") -> UInt32 {
        var folder = folders[mailbox] ?? Folder(uidValidity: 1)
        let uid = folder.nextUID
        folder.messages.append(Message(uid: uid, bytes: bytes, processed: false))
        folder.nextUID += 1
        folders[mailbox] = folder
        return uid
    }

    /// Renumbers every message under a new UIDVALIDITY, as a server does after losing its index.
    public func resetUIDValidity(of mailbox: String = "INBOX", to uidValidity: UInt32) {
        guard var folder = folders[mailbox] else { return }
        folder.uidValidity = uidValidity
        for index in folder.messages.indices {
            folder.messages[index].uid = UInt32(index + 1)
        }
        folder.nextUID = UInt32(folder.messages.count + 1)
        folders[mailbox] = folder
    }

    /// Removes a message, as another client expunging it would.
    public func expunge(uid: UInt32, from mailbox: String = "INBOX") {
        folders[mailbox]?.messages.removeAll { $0.uid == uid }
    }

    /// The messages currently in `mailbox`.
    public func messages(in mailbox: String = "INBOX") -> [Message] { folders[mailbox]?.messages ?? [] }

    public func select(_ mailbox: String) throws -> MailboxStatus {
        let folder = folders[mailbox] ?? Folder(uidValidity: 1)
        folders[mailbox] = folder
        selected = mailbox
        return MailboxStatus(uidValidity: folder.uidValidity, uidNext: folder.nextUID, exists: folder.messages.count)
    }

    public func uids(after uid: UInt32) throws -> [UInt32] {
        try selectedFolder().messages.map(\.uid).filter { $0 > uid }
    }

    public func sizes(uids: [UInt32]) throws -> [UInt32: Int] {
        let wanted = Set(uids)
        return Dictionary(uniqueKeysWithValues: try selectedFolder().messages.filter { wanted.contains($0.uid) }.map {
            ($0.uid, $0.bytes.count)
        })
    }

    public func fetch(uids: [UInt32], maxBytes: Int) throws -> [FetchedMessage] {
        if failFetching { throw Failure(description: "connection dropped during FETCH") }
        onFetch?()
        fetchRequests.append(uids)
        let wanted = Set(uids)
        return try selectedFolder().messages.filter { wanted.contains($0.uid) }.map {
            FetchedMessage(uid: $0.uid, size: $0.bytes.count, bytes: Array($0.bytes.prefix(maxBytes)))
        }
    }

    public func markProcessed(uids: [UInt32], moveTo mailbox: String?) throws {
        if failMarking { throw Failure(description: "connection lost before STORE") }
        onMark?()
        markRequests.append(uids)
        guard let name = selected, var folder = folders[name] else { throw Failure(description: "no mailbox selected") }
        let wanted = Set(uids)
        var moving: [Message] = []
        for index in folder.messages.indices where wanted.contains(folder.messages[index].uid) {
            folder.messages[index].processed = true
            moving.append(folder.messages[index])
        }
        if let mailbox, mailbox != name {
            folder.messages.removeAll { wanted.contains($0.uid) }
            for message in moving { deliver(message.bytes, to: mailbox) }
        }
        folders[name] = folder
    }

    public func waitForChange(seconds: Double) throws -> Bool { false }

    private func selectedFolder() throws -> Folder {
        guard let name = selected, let folder = folders[name] else { throw Failure(description: "no mailbox selected") }
        return folder
    }
}
