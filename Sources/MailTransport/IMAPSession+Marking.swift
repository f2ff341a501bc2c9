import IMAPCore

extension IMAPSession {
    /// UIDs per STORE/MOVE/COPY command, so that command lines stay short even for scattered UIDs.
    static let markBatchSize = 500

    /// Adds `$SupportIntake` (`+FLAGS.SILENT`, so the server sends no FETCH per message), then
    /// moves to `mailbox` when given. Idempotent: UIDs already marked or moved are no error.
    public func markProcessed(uids: [UInt32], moveTo mailbox: String?) throws {
        try store(uids: uids, flags: [Self.processedKeyword])
        if let mailbox { try move(uids: uids, to: mailbox) }
    }

    /// Moves messages that failed processing to the quarantine mailbox (created when missing),
    /// without the processed keyword, so that they stay visible to people as unhandled.
    public func moveToQuarantine(uids: [UInt32], mailbox: String) throws {
        try move(uids: uids, to: mailbox)
    }

    /// `UID STORE set +FLAGS.SILENT (flags)` in batches.
    func store(uids: [UInt32], flags: [String]) throws {
        try forEachBatch(of: uids) { connection, set in
            try connection.run(.uidStore(set, .add, silent: true, flags: flags)) { self.observe($0) }
                .requireOK(for: "UID STORE +FLAGS.SILENT (\(flags.joined(separator: " ")))", url: connection.url)
        }
    }

    /// UID MOVE (RFC 6851), else COPY + \Deleted + UID EXPUNGE (RFC 4315). Without UIDPLUS the
    /// copies stay flagged \Deleted in the source: a plain EXPUNGE could remove other people's
    /// deleted mail. A missing target mailbox is created once (TRYCREATE).
    func move(uids: [UInt32], to mailbox: String) throws {
        let canMove = capabilities.contains("MOVE"), canExpungeByUID = capabilities.contains("UIDPLUS")
        try forEachBatch(of: uids) { connection, set in
            let command: IMAPCommand = canMove ? .uidMove(set, mailbox: mailbox) : .uidCopy(set, mailbox: mailbox)
            let name = canMove ? "UID MOVE to \(mailbox)" : "UID COPY to \(mailbox)"
            var done = try connection.run(command) { self.observe($0) }
            if done.condition == .no, done.text.code == .tryCreate {
                try create(mailbox, on: connection)
                done = try connection.run(command) { self.observe($0) }
            }
            try done.requireOK(for: name, url: connection.url)
            guard !canMove else { return }
            try connection.run(.uidStore(set, .add, silent: true, flags: ["\\Deleted"])) { self.observe($0) }
                .requireOK(for: "UID STORE +FLAGS.SILENT (\\Deleted)", url: connection.url)
            if canExpungeByUID {
                try connection.run(.uidExpunge(set)) { self.observe($0) }.requireOK(for: "UID EXPUNGE", url: connection.url)
            }
        }
    }

    /// CREATE; an existing mailbox (another instance was faster) is fine.
    private func create(_ mailbox: String, on connection: IMAPConnection) throws {
        let done = try connection.run(.create(mailbox: mailbox)) { self.observe($0) }
        if done.condition == .no, done.text.code == .alreadyExists { return }
        try done.requireOK(for: "CREATE \(mailbox)", url: connection.url)
    }

    private func forEachBatch(of uids: [UInt32], _ body: (IMAPConnection, SequenceSet) throws -> Void) throws {
        let sorted = Set(uids).sorted()
        guard !sorted.isEmpty else { return }
        try withSelectedConnection { connection in
            for start in stride(from: 0, to: sorted.count, by: Self.markBatchSize) {
                try body(connection, SequenceSet(uids: sorted[start..<min(start + Self.markBatchSize, sorted.count)]))
            }
        }
    }
}
