// intake-benchmark: intake throughput against a throwaway Dovecot, next to mbsync (isync) pulling
// the same mailbox in the same run. Release build, from the repository root:
//   swift build -c release && .build/release/intake-benchmark [--messages N] [--batch N]
// Stage 1 times the IMAP session alone (select + UID SEARCH + pipelined UID FETCH of every message);
// stage 2 the whole intake: `support-intake poll --once` (fetch, parse, classify, ticket, mark) as
// a process, with and without classification, each with a fresh database.
import Foundation
import MailTransport

let arguments = CommandLine.arguments.dropFirst()

/// The integer after `flag`, else `fallback`.
func option(_ flag: String, default fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.endIndex, let value = Int(arguments[index + 1]) else {
        return fallback
    }
    return value
}

let messageCount = option("--messages", default: 5_000)
let batchSize = option("--batch", default: IMAPConfiguration.defaultFetchBatchSize)

/// ~3 KB generated support mail, each unique.
func generatedMessage(_ number: Int) -> [UInt8] {
    let header = "From: Customer \(number) <customer\(number)@example.net>\r\nTo: support@example-hosting.de\r\n"
        + "Subject: Benchmark request \(number)\r\nMessage-ID: <bench-\(number)@example.net>\r\n"
        + "Date: Mon, 2 Nov 2026 10:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    let line = "Mein Webspace \(number) ist nicht erreichbar, bitte helfen Sie mir schnell.\r\n"
    return Array((header + String(repeating: line, count: 36)).utf8)
}

/// One timed pass: select, search all UIDs, fetch them all; returns seconds and bytes.
func fetchAll(_ server: BenchmarkDovecot) throws -> (seconds: Double, messages: Int, bytes: Int) {
    let configuration = IMAPConfiguration(url: "imap://127.0.0.1:\(server.port)/INBOX", username: server.user,
                                          password: server.password, allowInsecure: true, fetchBatchSize: batchSize)
    let started = ContinuousClock.now
    let session = try IMAPSession(configuration: configuration)
    _ = try session.select("INBOX")
    let uids = try session.uids(after: 0)
    let messages = try session.fetch(uids: uids, maxBytes: 10 << 20)
    let elapsed = started.duration(to: .now).seconds
    session.close()
    return (elapsed, messages.count, messages.reduce(0) { $0 + $1.bytes.count })
}

func report(_ label: String, messages: Int, seconds: Double) {
    let padded = label.padding(toLength: 36, withPad: " ", startingAt: 0)
    print(padded + String(format: "%6d msgs in %7.3f s = %9.0f msgs/s", messages, seconds, Double(messages) / seconds))
}

do {
    let server = try BenchmarkDovecot()
    let messages = (1...max(1, messageCount)).map(generatedMessage)
    try server.seed(messages)
    print("intake-benchmark fetch: \(messages.count) messages of ~\(messages[0].count) bytes, UID FETCH batches of \(batchSize), "
          + "Dovecot on 127.0.0.1:\(server.port)")
    let warmup = try fetchAll(server)
    report("IMAPSession (first pass, indexing)", messages: warmup.messages, seconds: warmup.seconds)
    var ours: [Double] = [], synced: [Double] = [], unsynced: [Double] = []
    for _ in 1...3 {
        let run = try fetchAll(server)
        guard run.messages == messages.count else { throw BenchmarkError("IMAPSession fetched \(run.messages) of \(messages.count)") }
        ours.append(run.seconds)
        report("IMAPSession fetch", messages: run.messages, seconds: run.seconds)
        for fsync in [true, false] {
            let mbsync = try MbsyncRun.pull(from: server, fsync: fsync)
            guard mbsync.messages == messages.count else { throw BenchmarkError("mbsync pulled \(mbsync.messages) of \(messages.count)") }
            if fsync { synced.append(mbsync.seconds) } else { unsynced.append(mbsync.seconds) }
            report(fsync ? "mbsync pull (default, FSync yes)" : "mbsync pull (FSync no)", messages: mbsync.messages, seconds: mbsync.seconds)
        }
    }
    let rate = { (times: [Double]) in Double(messages.count) / (times.min() ?? 1) }
    print(String(format: "best of 3: IMAPSession %.0f msgs/s; mbsync %.0f msgs/s (%.1fx), with FSync no %.0f msgs/s (%.1fx)",
                 rate(ours), rate(synced), rate(ours) / rate(synced), rate(unsynced), rate(ours) / rate(unsynced)))

    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("support-intake").path
    var classified: [Double] = [], unclassified: [Double] = [], peer: [Double] = []
    for _ in 1...3 {
        for classify in [true, false] {
            let run = try FullIntakeRun.poll(server, binary: binary, classify: classify)
            guard run.settled == messages.count else { throw BenchmarkError("poll --once settled \(run.settled) of \(messages.count)") }
            if classify { classified.append(run.seconds) } else { unclassified.append(run.seconds) }
            report(classify ? "poll --once (classify, ticket, mark)" : "poll --once (ticket, mark)", messages: run.settled, seconds: run.seconds)
        }
        let mbsync = try MbsyncRun.pull(from: server, fsync: true)
        peer.append(mbsync.seconds)
        report("mbsync pull (default, FSync yes)", messages: mbsync.messages, seconds: mbsync.seconds)
    }
    print(String(format: "best of 3: whole intake %.0f msgs/s with classification (%.1fx mbsync), %.0f msgs/s without (%.1fx); mbsync %.0f msgs/s",
                 rate(classified), rate(classified) / rate(peer), rate(unclassified), rate(unclassified) / rate(peer), rate(peer)))
} catch {
    FileHandle.standardError.write(Data("intake-benchmark: \(error)\n".utf8))
    exit(1)
}
