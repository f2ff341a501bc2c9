// intake-benchmark: the whole loop (Dovecot -> ticket -> reply accepted by the SMTP server) and each
// of its stages on its own, against a throwaway Dovecot and Postfix's smtp-sink, next to mbsync
// (isync) pulling the same mailbox in the same run. Release build, from the repository root:
//   swift build -c release --product support-intake --product intake-benchmark
//   .build/release/intake-benchmark [--messages N] [--batch N] [--rounds R]
// Each round times, over the same N messages (default 5,000, ~3 KB, each unique):
//   IMAP fetch      IMAPSession alone: select, UID SEARCH, pipelined UID FETCH of every message
//   mbsync          pulling the mailbox into a fresh Maildir, with FSync yes (its default) and no
//   parse+classify  MessageParser + the Triage classifier (Config/rules.json, Config/faq.json) in process
//   intake cycle    IntakeCycle in process over an in-memory mailbox into a fresh SQLite store:
//                   parse, classify, compose the reply, commit ticket + outbox row; its store share
//                   ("store commit") is this minus parse+classify. Once without a responder, once
//                   with; the difference is reply composition plus the outbox row
//   SMTP send       the N composed replies of that outbox sent by SMTPSender over one connection
//   outbox delivery the same replies through OutboxDelivery: send, then mark each sent in its own commit
//   poll --once     the real `support-intake poll --once` process, fresh database each time:
//                   ticket+mark; classify+ticket+mark; classify+ticket+reply+mark (the whole loop)
// and prints the best of R rounds (default 3) as a table. smtp-sink and Dovecot come with
// `scripts/install-deps --test`; run as root (Dovecot's mail processes run as nobody).
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

let messageCount = max(1, option("--messages", default: 5_000))
let batchSize = option("--batch", default: IMAPConfiguration.defaultFetchBatchSize)
let rounds = max(1, option("--rounds", default: 3))

/// ~3 KB generated support mail, each unique (its own sender, so the per-recipient reply budget
/// never holds a reply back).
func generatedMessage(_ number: Int) -> [UInt8] {
    let header = "From: Customer \(number) <customer\(number)@example.net>\r\nTo: support@example-hosting.de\r\n"
        + "Subject: Benchmark request \(number)\r\nMessage-ID: <bench-\(number)@example.net>\r\n"
        + "Date: Mon, 2 Nov 2026 10:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    let line = "Mein Webspace \(number) ist nicht erreichbar, bitte helfen Sie mir schnell.\r\n"
    return Array((header + String(repeating: line, count: 36)).utf8)
}

/// One timed pass: select, search all UIDs, fetch them all; returns seconds and messages.
func fetchAll(_ server: BenchmarkDovecot) throws -> (seconds: Double, messages: Int) {
    let configuration = IMAPConfiguration(url: "imap://127.0.0.1:\(server.port)/INBOX", username: server.user,
                                          password: server.password, allowInsecure: true, fetchBatchSize: batchSize)
    let started = ContinuousClock.now
    let session = try IMAPSession(configuration: configuration)
    _ = try session.select("INBOX")
    let uids = try session.uids(after: 0)
    let messages = try session.fetch(uids: uids, maxBytes: 10 << 20)
    let elapsed = started.duration(to: .now).seconds
    session.close()
    return (elapsed, messages.count)
}

func report(_ label: String, messages: Int, seconds: Double, note: String = "") {
    let padded = label.padding(toLength: 44, withPad: " ", startingAt: 0)
    print(padded + String(format: "%6d msgs in %7.3f s = %7.0f msgs/s", messages, seconds, Double(messages) / seconds) + note)
}

func require(_ condition: Bool, _ problem: @autoclosure () -> String) throws {
    if !condition { throw BenchmarkError(problem()) }
}

/// The best (shortest) time per stage over the rounds.
struct BestTimes {
    private(set) var seconds: [String: Double] = [:]

    mutating func record(_ stage: String, _ time: Double) { seconds[stage] = min(seconds[stage] ?? .infinity, time) }

    subscript(stage: String) -> Double? { seconds[stage] }
}

do {
    var best = BestTimes()
    let server = try BenchmarkDovecot()
    let sink = try SMTPSink()
    let messages = (1...messageCount).map(generatedMessage)
    try server.seed(messages)
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("support-intake").path
    let classifier = try BenchmarkWiring.classifier()
    let classify = try BenchmarkWiring.classify()
    let planner = try BenchmarkWiring.planner()
    print("intake-benchmark: \(messages.count) messages of ~\(messages[0].count) bytes, UID FETCH batches of \(batchSize), "
          + "Dovecot on 127.0.0.1:\(server.port), smtp-sink on 127.0.0.1:\(sink.port), \(rounds) rounds")
    let warmup = try fetchAll(server)
    report("IMAP fetch (first pass, Dovecot indexes)", messages: warmup.messages, seconds: warmup.seconds)

    for round in 1...rounds {
        print("-- round \(round)")
        let fetched = try fetchAll(server)
        try require(fetched.messages == messages.count, "IMAPSession fetched \(fetched.messages) of \(messages.count)")
        best.record("fetch", fetched.seconds)
        report("IMAP fetch alone (IMAPSession)", messages: fetched.messages, seconds: fetched.seconds)
        for fsync in [true, false] {
            let mbsync = try MbsyncRun.pull(from: server, fsync: fsync)
            try require(mbsync.messages == messages.count, "mbsync pulled \(mbsync.messages) of \(messages.count)")
            best.record(fsync ? "mbsync" : "mbsync-nofsync", mbsync.seconds)
            report(fsync ? "mbsync pull (default, FSync yes)" : "mbsync pull (FSync no)", messages: mbsync.messages, seconds: mbsync.seconds)
        }

        let parsed = PipelineStages.parseAndClassify(messages, classifier: classifier)
        best.record("parse+classify", parsed.seconds)
        report("parse + classify (in process)", messages: messages.count, seconds: parsed.seconds,
               note: "  (\(parsed.requests) standard/extended)")
        let ticketOnly = try PipelineStages.intake(messages, database: "\(server.directory)/cycle-\(UUID().uuidString).sqlite",
                                                   classify: classify, responder: nil)
        try? ticketOnly.store.close()
        best.record("cycle-noreply", ticketOnly.seconds)
        report("intake cycle in process (commit, no reply)", messages: messages.count, seconds: ticketOnly.seconds)
        let intake = try PipelineStages.intake(messages, database: "\(server.directory)/cycle-\(UUID().uuidString).sqlite",
                                               classify: classify, responder: planner)
        try require(intake.summary.fetched == messages.count, "the in-process cycle took \(intake.summary.fetched) of \(messages.count)")
        best.record("cycle", intake.seconds)
        report("intake cycle in process (+ reply, commit)", messages: messages.count, seconds: intake.seconds)
        let sent = try PipelineStages.send(outboxOf: intake.store, port: sink.port)
        try require(sent.sent == messages.count, "smtp-sink accepted \(sent.sent) of \(messages.count) composed replies")
        best.record("send", sent.seconds)
        report("SMTP send alone (SMTPSender -> smtp-sink)", messages: sent.sent, seconds: sent.seconds,
               note: "  (\(sent.connections) connection\(sent.connections == 1 ? "" : "s"))")
        let delivered = try PipelineStages.deliver(outboxOf: intake.store, port: sink.port)
        try? intake.store.close()
        try require(delivered.sent == messages.count, "the outbox delivered \(delivered.sent) of \(messages.count) replies")
        best.record("deliver", delivered.seconds)
        report("outbox delivery (send + commit 'sent' each)", messages: delivered.sent, seconds: delivered.seconds)

        for (stage, classifying, replying) in [("poll", false, false), ("poll+classify", true, false), ("poll+reply", true, true)] {
            let run = try FullIntakeRun.poll(server, binary: binary, classify: classifying, replyingTo: replying ? sink : nil)
            try require(run.settled == messages.count, "poll --once settled \(run.settled) of \(messages.count)")
            try require(!replying || run.repliesSent == messages.count,
                        "poll --once sent \(run.repliesSent) replies for \(messages.count) mails"
                            + (sink.isRunning ? "" : " (smtp-sink is gone: killed from outside?)")
                            + "; its log ends:\n\(FullIntakeRun.logTail(run.folder))")
            best.record(stage, run.seconds)
            let label = replying ? "poll --once (classify, ticket, reply, mark)" : classifying ? "poll --once (classify, ticket, mark)" : "poll --once (ticket, mark)"
            report(label, messages: run.settled, seconds: run.seconds, note: replying ? "  (\(run.repliesSent) replies sent)" : "")
        }
    }

    let n = Double(messages.count)
    let rate = { (stage: String) in n / (best[stage] ?? .infinity) }
    let storeSeconds = (best["cycle-noreply"] ?? 0) - (best["parse+classify"] ?? 0)
    let replySeconds = (best["cycle"] ?? 0) - (best["cycle-noreply"] ?? 0)
    print("\nbest of \(rounds) rounds, \(messages.count) messages:")
    let rows: [(String, Double)] = [
        ("IMAP fetch alone (IMAPSession)", rate("fetch")),
        ("parse + classify", rate("parse+classify")),
        ("store commit, no reply (cycle - parse/classify)", storeSeconds > 0 ? n / storeSeconds : .infinity),
        ("reply composition + outbox row (difference of the cycles)", replySeconds > 0 ? n / replySeconds : .infinity),
        ("intake cycle in process, no reply (no IMAP)", rate("cycle-noreply")),
        ("intake cycle in process with reply (no IMAP, no SMTP)", rate("cycle")),
        ("SMTP send alone, one connection (smtp-sink)", rate("send")),
        ("outbox delivery: send + one commit per reply", rate("deliver")),
        ("poll --once: ticket, mark", rate("poll")),
        ("poll --once: classify, ticket, mark", rate("poll+classify")),
        ("poll --once: whole loop incl. replies", rate("poll+reply")),
        ("mbsync (default, FSync yes)", rate("mbsync")),
        ("mbsync (FSync no)", rate("mbsync-nofsync")),
    ]
    for (label, value) in rows {
        print(label.padding(toLength: 60, withPad: " ", startingAt: 0) + String(format: "%8.0f msgs/s", value))
    }
    print(String(format: "whole loop: %.0f msgs/s = %.1fx mbsync (FSync yes), %.1fx mbsync (FSync no); target 1000 msgs/s: %@",
                 rate("poll+reply"), rate("poll+reply") / rate("mbsync"), rate("poll+reply") / rate("mbsync-nofsync"),
                 rate("poll+reply") >= 1000 ? "met" : "NOT met"))
    print(String(format: "intake without replies: %.0f msgs/s = %.1fx mbsync (FSync yes); issue 3 target 3x",
                 rate("poll+classify"), rate("poll+classify") / rate("mbsync")))
} catch {
    FileHandle.standardError.write(Data("intake-benchmark: \(error)\n".utf8))
    exit(1)
}
