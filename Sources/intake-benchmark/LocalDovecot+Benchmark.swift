import Foundation
import LocalServers

extension LocalDovecot {
    /// The benchmark's mailbox server: plain IMAP only, with Dovecot's default durability (the
    /// poll's marks cost what they cost in production).
    static func forBenchmark() throws -> LocalDovecot {
        try LocalDovecot(tls: false, lmtp: false, password: "benchmark-secret", syncsMail: true)
    }

    /// Writes messages straight into Maildir/new, owned by the mail user: the fastest way to put
    /// thousands of messages in place.
    func seed(_ messages: [[UInt8]]) throws {
        for (index, message) in messages.enumerated() {
            let path = "\(maildir)/new/\(1_800_000_000 + index).M\(index)P1.benchmark"
            // Not `createFile`: on Linux it writes atomically through a temporary folder in /tmp
            // that it leaves behind, one per message.
            do {
                try Data(message).write(to: URL(fileURLWithPath: path))
            } catch {
                throw BenchmarkError("could not write \(path): \(error)")
            }
        }
        try ChildProcess.run("chown", ["-R", "nobody:nogroup", "\(directory)/home"])
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
