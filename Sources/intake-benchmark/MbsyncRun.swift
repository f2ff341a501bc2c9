import Foundation
import LocalServers

/// The peer figure: isync's `mbsync` pulling the same mailbox into a fresh Maildir.
enum MbsyncRun {
    /// Pulls INBOX once; returns the time it took and how many message files it wrote.
    /// - Parameter fsync: mbsync's default is on (every message file is synced to disk); off
    ///   measures the IMAP transfer alone.
    static func pull(from server: LocalDovecot, fsync: Bool) throws -> (timing: Timing, messages: Int) {
        let target = "\(server.directory)/mbsync-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        let config = """
            FSync \(fsync ? "yes" : "no")

            IMAPAccount bench
            Host 127.0.0.1
            Port \(server.imapPort)
            User \(server.user)
            Pass \(server.password)
            SSLType None
            AuthMechs LOGIN

            IMAPStore remote
            Account bench

            MaildirStore local
            Path \(target)/
            Inbox \(target)/INBOX

            Channel bench
            Far :remote:
            Near :local:
            Patterns INBOX
            Sync Pull
            Create Near
            SyncState *

            """
        let configFile = "\(target)/mbsyncrc"
        try config.write(toFile: configFile, atomically: false, encoding: .utf8)
        let stopwatch = Stopwatch(.children)
        try ChildProcess.run("/usr/bin/mbsync", ["-q", "-c", configFile, "bench"])
        let timing = stopwatch.stop()
        let files = ["new", "cur"].reduce(0) { count, folder in
            count + ((try? FileManager.default.contentsOfDirectory(atPath: "\(target)/INBOX/\(folder)"))?.count ?? 0)
        }
        return (timing, files)
    }
}
