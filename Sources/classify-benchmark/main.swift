// classify-benchmark: messages per second for parsing alone, classification alone and both,
// measured in one run over a directory of .eml files, so the figures compare on the same machine.
//
//   swift run -c release classify-benchmark [DIR] [--rules F] [--faq F] [--seconds S] [--rounds N]
//                                            [--only parse|classify|both]
//
// DIR defaults to Tests/TriageTests/Corpus (searched recursively); rules and FAQ default to
// Config/rules.json and Config/faq.json, relative to the current directory. One thread; rates are
// messages per second of this thread's CPU time. The machine may be shared: other processes still
// slow a thread down through the caches and the core it shares, so each phase is measured in
// rounds and the best round (the least disturbed) is the figure, with the median beside it.
import Foundation
import MailCore
import Triage

/// Each round repeats the corpus until at least this much CPU time has passed...
let defaultSeconds = 0.5
/// ...in this many rounds per phase.
let defaultRounds = 5

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("classify-benchmark: \(message)\n".utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    let value = arguments[index + 1]
    arguments.removeSubrange(index...index + 1)
    return value
}
let rulesPath = option("--rules") ?? "Config/rules.json"
let faqPath = option("--faq") ?? "Config/faq.json"
let seconds = option("--seconds").flatMap(Double.init) ?? defaultSeconds
let rounds = max(1, option("--rounds").flatMap(Int.init) ?? defaultRounds)
let only = option("--only")
let directory = arguments.first ?? "Tests/TriageTests/Corpus"

guard let rulesData = FileManager.default.contents(atPath: rulesPath) else { fail("cannot read rules '\(rulesPath)'") }
guard let faqData = FileManager.default.contents(atPath: faqPath) else { fail("cannot read FAQ '\(faqPath)'") }
let classifier: Classifier
do {
    classifier = try Classifier(rules: RuleSet(json: rulesData), catalogue: FAQCatalogue(json: faqData))
} catch {
    fail("\(error)")
}

guard let enumerator = FileManager.default.enumerator(atPath: directory) else { fail("cannot read directory '\(directory)'") }
var corpus: [[UInt8]] = []
for case let path as String in enumerator where path.hasSuffix(".eml") {
    if let data = FileManager.default.contents(atPath: directory + "/" + path) { corpus.append([UInt8](data)) }
}
guard !corpus.isEmpty else { fail("no .eml files in '\(directory)'") }
let parsed = corpus.map(MessageParser.parse)
let totalBytes = corpus.reduce(0) { $0 + $1.count }

/// CPU time of this thread: the machine may be shared, and the figure that matters is the cost on
/// one core, not how long other processes kept us waiting.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Runs `body` over the corpus repeatedly for at least `seconds` of CPU time; returns messages per
/// CPU second.
@MainActor func measure(_ body: (Int) -> Int) -> Double {
    var messages = 0
    var checksum = 0
    let start = threadCPUSeconds()
    var elapsed = 0.0
    repeat {
        for index in corpus.indices { checksum &+= body(index) }
        messages += corpus.count
        elapsed = threadCPUSeconds() - start
    } while elapsed < seconds
    if checksum == Int.min { print("") }
    return Double(messages) / elapsed
}

/// The rates of `rounds` rounds, sorted from best to worst; none for a phase skipped with `--only`
/// (e.g. for profiling one phase).
@MainActor func measure(_ name: String, _ body: (Int) -> Int) -> [Double] {
    guard only == nil || only == name else { return [] }
    return (0..<rounds).map { _ in measure(body) }.sorted(by: >)
}
let parseRate = measure("parse") { MessageParser.parse(corpus[$0]).headers.count }
let classifyRate = measure("classify") { classifier.classify(parsed[$0]).reasons.count }
let bothRate = measure("both") { classifier.classify(MessageParser.parse(corpus[$0])).reasons.count }

func row(_ name: String, _ rates: [Double]) -> String {
    guard let best = rates.first else { return name.padding(toLength: 20, withPad: " ", startingAt: 0) + "  (skipped)" }
    let median = rates[rates.count / 2]
    return name.padding(toLength: 20, withPad: " ", startingAt: 0)
        + String(format: "%9.0f msg/s best  %8.2f µs/msg  (median of %d rounds %.0f msg/s; CPU time)", best, 1e6 / best, rates.count, median)
}
print("corpus: \(corpus.count) messages, \(totalBytes / corpus.count) bytes on average, \(directory)")
print(row("parse alone", parseRate))
print(row("classify alone", classifyRate))
print(row("parse + classify", bothRate))
if let parse = parseRate.first, let classify = classifyRate.first {
    print(String(format: "classify costs %.2f× parsing (best rounds)", parse / classify))
}
