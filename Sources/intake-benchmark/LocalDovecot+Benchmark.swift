import Foundation
import LocalServers

extension LocalDovecot {
    /// The benchmark's mailbox server: plain IMAP only, with Dovecot's default durability (the
    /// poll's marks cost what they cost in production).
    static func forBenchmark() throws -> LocalDovecot {
        try LocalDovecot(tls: false, lmtp: false, password: "benchmark-secret", syncsMail: true)
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
