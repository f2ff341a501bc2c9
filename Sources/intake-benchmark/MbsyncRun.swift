import Foundation

/// The peer figure: isync's `mbsync` pulling the same mailbox into a fresh Maildir.
enum MbsyncRun {
    /// Pulls INBOX once; returns the seconds it took and how many message files it wrote.
    static func pull(from server: BenchmarkDovecot) throws -> (seconds: Double, messages: Int) {
        let target = "\(server.directory)/mbsync-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        // FSync off: the comparison is about IMAP transfer, not about the disk.
        let config = """
            FSync no

            IMAPAccount bench
            Host 127.0.0.1
            Port \(server.port)
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
        try config.write(toFile: configFile, atomically: true, encoding: .utf8)
        let started = ContinuousClock.now
        try BenchmarkDovecot.spawnAndWait("/usr/bin/mbsync", ["-q", "-c", configFile, "bench"])
        let elapsed = started.duration(to: .now)
        let files = ["new", "cur"].reduce(0) { count, folder in
            count + ((try? FileManager.default.contentsOfDirectory(atPath: "\(target)/INBOX/\(folder)"))?.count ?? 0)
        }
        return (elapsed.seconds, files)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
