// classify-benchmark: messages per second for parsing alone, classification alone and both,
// measured in one run over a directory of .eml files, so the figures compare on the same machine.
//
//   swift run -c release classify-benchmark [DIR] [--rules F] [--faq F] [--seconds S] [--only parse|classify|both]
//
// DIR defaults to Tests/TriageTests/Corpus (searched recursively); rules and FAQ default to
// Config/rules.json and Config/faq.json, relative to the current directory. One thread; rates are
// messages per second of this thread's CPU time, so a busy machine does not distort them.
import Foundation
import MailCore
import Triage

/// Each measurement repeats the corpus until at least this much time has passed.
let defaultSeconds = 2.0

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

/// A skipped measurement (with `--only`, e.g. for profiling one phase) reports no rate.
@MainActor func measure(_ name: String, _ body: (Int) -> Int) -> Double {
    only == nil || only == name ? measure(body) : .nan
}
let parseRate = measure("parse") { MessageParser.parse(corpus[$0]).headers.count }
let classifyRate = measure("classify") { classifier.classify(parsed[$0]).reasons.count }
let bothRate = measure("both") { classifier.classify(MessageParser.parse(corpus[$0])).reasons.count }

func row(_ name: String, _ rate: Double) -> String {
    name.padding(toLength: 20, withPad: " ", startingAt: 0) + String(format: "%12.0f msg/s  %8.2f µs/msg (CPU time)", rate, 1e6 / rate)
}
print("corpus: \(corpus.count) messages, \(totalBytes / corpus.count) bytes on average, \(directory)")
print(row("parse alone", parseRate))
print(row("classify alone", classifyRate))
print(row("parse + classify", bothRate))
print(String(format: "classify costs %.2f× parsing", parseRate / classifyRate))
