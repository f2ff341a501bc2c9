// Parse throughput of MailCore next to Python's `email` package, measured in the same run.
//
//   swift run -c release parse-benchmark DIR [--iterations N] [--python PYTHON] [--cli PATH]
//   swift run -c release parse-benchmark --generate-body-heavy DIR [--messages N] [--megabytes M]
//
// For DIR it prints, for the in-process loops (parse + decode every part, files already in memory):
// MailCore MB/s and messages/s, Python's (compat32, parse + get_payload(decode=True) on every leaf)
// and the ratio; then the same comparison as whole processes: `support-intake parse --stats DIR/*.eml`
// against the Python script run as a process over the same files (the criterion).
import Foundation

let options = BenchmarkOptions(CommandLine.arguments.dropFirst())
do {
    if let target = options.generateDirectory {
        let written = try BodyHeavyCorpus(messages: options.messages, megabytesPerMessage: options.megabytes).write(to: target)
        print("wrote \(written) body-heavy messages to \(target)")
    } else if let directory = options.directory {
        try BenchmarkRun(options: options, directory: directory).run()
    } else {
        print(BenchmarkOptions.usage)
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("parse-benchmark: \(error)\n".utf8))
    exit(1)
}
