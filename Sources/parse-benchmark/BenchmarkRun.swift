import Foundation
import MailCore

/// One benchmark run over a directory: in-process loops, then whole processes.
struct BenchmarkRun {
    let options: BenchmarkOptions
    let directory: String

    func run() throws {
        let corpus = try Corpus(directory: directory)
        print("corpus: \(corpus.paths.count) messages, \(format(corpus.megabytes, 2)) MB in \(directory)")

        let swiftSeconds = MailCoreLoop(corpus: corpus).secondsPerPass(iterations: options.iterations)
        report("MailCore (in process)", seconds: swiftSeconds, corpus: corpus)
        let peer = PythonPeer(python: options.python)
        if let pythonSeconds = try peer.secondsPerPass(paths: corpus.paths, iterations: max(1, options.iterations / 4)) {
            report("Python email compat32 (in process)", seconds: pythonSeconds, corpus: corpus)
            print("ratio (in process): \(format(pythonSeconds / swiftSeconds, 1))x")
        }

        let cli = options.cliPath
        guard FileManager.default.isExecutableFile(atPath: cli) else {
            print("whole process: skipped, no support-intake binary at \(cli) (build it: swift build -c release)")
            return
        }
        let cliRun = try ProcessTiming.best(of: options.processRuns, cli, ["parse", "--stats"] + corpus.paths)
        let pythonRun = try ProcessTiming.best(of: options.processRuns, options.python,
                                               ["-c", PythonPeer.script, "--process"] + corpus.paths)
        report("support-intake parse --stats (process, exit \(cliRun.status))", seconds: cliRun.seconds, corpus: corpus)
        report("python3 email script (process, exit \(pythonRun.status))", seconds: pythonRun.seconds, corpus: corpus)
        print("ratio (whole process): \(format(pythonRun.seconds / cliRun.seconds, 1))x")
    }

    private func report(_ label: String, seconds: Double, corpus: Corpus) {
        let megabytesPerSecond = corpus.megabytes / seconds
        let messagesPerSecond = Double(corpus.paths.count) / seconds
        print("\(label): \(format(megabytesPerSecond, 1)) MB/s, \(format(messagesPerSecond, 0)) messages/s (\(format(seconds * 1000, 2)) ms per pass)")
    }
}

func format(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
}
