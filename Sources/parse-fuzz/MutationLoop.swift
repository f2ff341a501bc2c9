#if !LIBFUZZER
import Foundation
import MailCore

/// A seeded mutation loop for builds without libFuzzer: flips, inserts, deletes, duplicates and
/// splices byte ranges of the seed messages and feeds each result to the parser. A crash ends the
/// process; the input that caused it is written to `parse-fuzz-crash.eml` in the working directory first.
struct MutationLoop {
    static let defaultSeconds = 10.0
    /// Inputs grow by splicing; cap them so that one run stays fast.
    static let maximumInputBytes = 256 * 1024
    /// Bytes that matter to MIME and header grammar, inserted more often than random bytes.
    static let interestingBytes: [UInt8] = Array("\r\n:;=?\"<>@,()\\-_ \t\0".utf8) + [0x80, 0xC3, 0xFF, 0xFE]
    static let interestingTokens: [String] = [
        "=?utf-8?q?", "=?iso-8859-1?b?", "?=", "boundary=", "--", "Content-Type: multipart/mixed; boundary=x\r\n",
        "Content-Transfer-Encoding: base64\r\n", "*0*=", "charset=", "\r\n\r\n", "message/rfc822", "begin 644 ",
    ]

    var seeds: [[UInt8]]
    var random = SystemRandomNumberGenerator()

    init(seeds: [[UInt8]]) {
        self.seeds = seeds.isEmpty ? [Array("From: a@b\r\nSubject: x\r\n\r\nbody\r\n".utf8)] : seeds
    }

    /// `parse-fuzz [SECONDS] SEED_DIR...`: runs the loop and prints how many inputs it tried.
    static func runFromCommandLine(_ arguments: [String]) -> Int {
        let seconds = arguments.first.flatMap(Double.init) ?? defaultSeconds
        let seeds = loadSeeds(from: arguments.filter { Double($0) == nil })
        var loop = MutationLoop(seeds: seeds)
        let count = loop.run(forSeconds: seconds)
        print("parse-fuzz: \(count) inputs from \(seeds.count) seeds in \(Int(seconds)) s, no crash")
        return count
    }

    static func loadSeeds(from directories: [String]) -> [[UInt8]] {
        var seeds: [[UInt8]] = []
        for directory in directories {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for name in names.sorted() where name.hasSuffix(".eml") {
                if let data = FileManager.default.contents(atPath: directory + "/" + name) {
                    seeds.append(Array(data))
                }
            }
        }
        return seeds
    }

    mutating func run(forSeconds seconds: Double) -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        var count = 0
        while Date() < deadline {
            for _ in 0..<100 {
                let input = mutated()
                // Written before the attempt: after a trap, this file holds the input that caused it.
                try? Data(input).write(to: URL(fileURLWithPath: "parse-fuzz-crash.eml"))
                FuzzTarget.exercise(input)
                count += 1
            }
        }
        try? FileManager.default.removeItem(atPath: "parse-fuzz-crash.eml")
        return count
    }

    mutating func mutated() -> [UInt8] {
        var bytes = seeds.randomElement(using: &random) ?? []
        let rounds = Int.random(in: 1...8, using: &random)
        for _ in 0..<rounds {
            mutate(&bytes)
        }
        if bytes.count > Self.maximumInputBytes { bytes.removeLast(bytes.count - Self.maximumInputBytes) }
        return bytes
    }

    mutating func mutate(_ bytes: inout [UInt8]) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<6, using: &random) {
        case 0 where !bytes.isEmpty:
            bytes[position] = UInt8.random(in: 0...255, using: &random)
        case 1:
            bytes.insert(Self.interestingBytes.randomElement(using: &random) ?? 0, at: position)
        case 2 where !bytes.isEmpty:
            let end = min(bytes.count, position + Int.random(in: 1...64, using: &random))
            bytes.removeSubrange(position..<end)
        case 3 where !bytes.isEmpty:
            let end = min(bytes.count, position + Int.random(in: 1...512, using: &random))
            bytes.insert(contentsOf: bytes[position..<end], at: position)
        case 4:
            let token = Self.interestingTokens.randomElement(using: &random) ?? ""
            bytes.insert(contentsOf: Array(token.utf8), at: position)
        default:
            let other = seeds.randomElement(using: &random) ?? []
            guard !other.isEmpty else { return }
            let start = Int.random(in: 0..<other.count, using: &random)
            let end = min(other.count, start + Int.random(in: 1...2048, using: &random))
            bytes.insert(contentsOf: other[start..<end], at: position)
        }
    }
}
#endif
