import CSQLite
import Foundation

/// Copies the WAL into the database file on a thread of its own, with its own connection, so that
/// the intake's commits never wait for it. A commit in WAL mode normally runs the checkpoint itself
/// once the WAL passes 1,000 pages (SQLite's autocheckpoint): for the intake that was ~7,000 page
/// reads and writes and four syncs of the database file per 5,000 mails, all on the committing
/// thread. Here the committing connection's WAL hook only wakes this thread, which runs a PASSIVE
/// checkpoint (it never blocks a writer or a reader; frames written meanwhile wait for the next).
final class BackgroundCheckpointer: @unchecked Sendable {
    /// WAL pages after which a checkpoint is started (4 MB: the last one, run by the committing
    /// connection when it closes, stays short).
    static let thresholdPages: Int32 = 1_000

    private let connection: SQLiteDatabase
    private let condition = NSCondition()
    private var requested = false
    private var stopping = false
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)

    /// Opens the checkpointing connection to the database at `path` and starts its thread.
    init(path: String) throws {
        connection = try SQLiteDatabase(path: path)
        let thread = Thread { [unowned self] in self.work() }
        thread.name = "wal-checkpoint"
        self.thread = thread
        thread.start()
    }

    /// Called by the committing connection after each commit with the WAL's size in pages.
    func walGrew(toPages pages: Int32) {
        guard pages >= Self.thresholdPages else { return }
        condition.lock()
        requested = true
        condition.signal()
        condition.unlock()
    }

    /// Finishes a checkpoint in progress, stops the thread and closes its connection.
    func stop() {
        condition.lock()
        let running = thread != nil
        stopping = true
        thread = nil
        condition.signal()
        condition.unlock()
        if running { finished.wait() }
    }

    private func work() {
        while true {
            condition.lock()
            while !requested && !stopping { condition.wait() }
            let stop = stopping
            requested = false
            condition.unlock()
            if stop { break }
            // Busy (another checkpoint is running) or any other failure: the next commit asks again,
            // and the committing connection checkpoints what is left when it closes.
            _ = sqlite3_wal_checkpoint_v2(connection.handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        }
        try? connection.close()
        finished.signal()
    }
}
