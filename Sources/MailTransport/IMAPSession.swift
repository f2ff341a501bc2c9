import IMAPCore
public import Tickets

/// The support mailbox over IMAP: a `MailSource` on one libcurl connection.
///
/// Selection is by UID only; fetching uses `BODY.PEEK[]` and so never sets \Seen; marking is a
/// keyword plus an optional move. The connection is opened on `select` and rebuilt there after
/// any connection-level failure (timeout, lost connection, protocol violation); other calls on
/// a dropped connection fail until the next `select`, so that a UIDVALIDITY change can never go
/// unnoticed. Not thread-safe: use one session per thread.
public final class IMAPSession: MailSource {
    public let configuration: IMAPConfiguration
    let endpoint: Endpoint
    var connection: IMAPConnection?
    /// The mailbox of the last successful `select`.
    public private(set) var selectedMailbox: String?
    /// EXISTS as last reported, to tell a real change from a repeated count.
    var knownExists = 0
    /// A change (new or expunged mail) the server reported during some other command after the
    /// last listing: the next `waitForChange` returns at once instead of waiting for another one.
    var unreportedChange = false
    /// A `prefetch` whose answers are still on the wire.
    var pendingFetch: PendingFetch?

    /// The keyword that marks a message as taken in (`markProcessed`).
    public static let processedKeyword = "$SupportIntake"

    /// Checks the configuration; connecting happens in `select`.
    public init(configuration: IMAPConfiguration) throws {
        self.configuration = configuration
        endpoint = try Endpoint(configuration)
    }

    /// The server's capabilities after login (upper-case), empty before the first `select`.
    public var capabilities: Set<String> { connection?.capabilities ?? [] }

    /// Selects `mailbox` read-write, (re)connecting first when needed. A kept connection that
    /// turns out to be dead (the server logged it out while we were busy elsewhere) is replaced
    /// once, transparently.
    public func select(_ mailbox: String) throws -> MailboxStatus {
        let reused = connection != nil
        do {
            return try selectOnce(mailbox)
        } catch let error as IMAPSessionError where reused && error.kind == .connectionLost {
            return try selectOnce(mailbox)
        }
    }

    private func selectOnce(_ mailbox: String) throws -> MailboxStatus {
        if connection == nil { connection = try IMAPConnection(configuration, endpoint: endpoint) }
        selectedMailbox = nil
        var uidValidity: UInt32?, uidNext: UInt32?, exists = 0
        let done = try withConnection { connection in
            try connection.run(.select(mailbox: mailbox)) { response in
                switch response {
                case .exists(let count): exists = count
                case .status(.ok, let text):
                    if case .uidValidity(let value)? = text.code { uidValidity = value }
                    if case .uidNext(let value)? = text.code { uidNext = value }
                default: break
                }
            }
        }
        try done.requireOK(for: "SELECT \(mailbox)", url: endpoint.connectURL)
        guard let uidValidity else {
            throw IMAPSessionError(.protocolViolation, url: endpoint.connectURL, detail: "SELECT \(mailbox) reported no UIDVALIDITY")
        }
        selectedMailbox = mailbox
        knownExists = exists
        return MailboxStatus(uidValidity: uidValidity, uidNext: uidNext, exists: exists)
    }

    /// `NOOP` (so that mail delivered since the last command is seen), then
    /// `UID SEARCH UID n+1:*`, as ESEARCH where offered; the `n:*` quirk is filtered out.
    public func uids(after uid: UInt32) throws -> [UInt32] {
        guard uid < UInt32.max else { return [] }
        let extended = capabilities.contains("ESEARCH")
        var found: [UInt32] = []
        try withSelectedConnection { connection in
            try connection.run(.noop) { self.observe($0) }.requireOK(for: "NOOP", url: connection.url)
            // The search below sees everything reported so far.
            self.unreportedChange = false
            let done = try connection.run(.uidSearch(.from(uid + 1), extended: extended)) { response in
                switch response {
                case .search(let uids): found += uids
                case .esearch(let result):
                    found += result.all?.expanded(limit: IMAPLimits.defaultMaxSearchResults) ?? []
                default: self.observe(response)
                }
            }
            try done.requireOK(for: "UID SEARCH", url: connection.url)
        }
        return Set(found.filter { $0 > uid }).sorted()
    }

    /// Closes the connection politely (`LOGOUT`); the session reconnects on the next `select`.
    public func close() {
        if let connection {
            _ = try? withConnection { _ in }  // reads what a prefetch left on the wire
            _ = try? connection.run(.logout)
            connection.abandon()
        }
        connection = nil
        selectedMailbox = nil
    }

    // MARK: Connection handling

    /// Runs `body` on the live connection, after reading the answers of a prefetch nobody
    /// collected; a failure that leaves the connection unusable drops it.
    func withConnection<T>(_ body: (IMAPConnection) throws -> T) throws -> T {
        guard let connection else {
            pendingFetch = nil
            throw IMAPSessionError(.protocolViolation, url: endpoint.connectURL,
                                   detail: "not connected (the last error dropped the connection); select the mailbox again")
        }
        do {
            if let pending = pendingFetch {
                pendingFetch = nil
                _ = try collect(pending, on: connection, keeping: [])
            }
            return try body(connection)
        } catch let error as IMAPSessionError where error.dropsConnection {
            connection.abandon()
            self.connection = nil
            selectedMailbox = nil
            throw error
        }
    }

    func withSelectedConnection<T>(_ body: (IMAPConnection) throws -> T) throws -> T {
        guard selectedMailbox != nil else {
            throw IMAPSessionError(.protocolViolation, url: endpoint.connectURL, detail: "no mailbox selected; call select first")
        }
        return try withConnection(body)
    }

    /// Tracks unsolicited mailbox changes; returns true when one means new or removed mail.
    @discardableResult
    func observe(_ response: UntaggedResponse) -> Bool {
        switch response {
        case .exists(let count):
            defer { knownExists = count }
            if count != knownExists { unreportedChange = true }
            return count != knownExists
        case .expunge:
            knownExists = max(0, knownExists - 1)
            unreportedChange = true
            return true
        default:
            return false
        }
    }
}
