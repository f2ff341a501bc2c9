import Foundation

/// The .eml files of one directory, read into memory once (file reading is not what is measured).
struct Corpus {
    let paths: [String]
    let messages: [[UInt8]]

    init(directory: String) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".eml") }.sorted()
        paths = names.map { directory + "/" + $0 }
        messages = paths.map { path in FileManager.default.contents(atPath: path).map { Array($0) } ?? [] }
        guard !paths.isEmpty else { throw BenchmarkError.emptyCorpus(directory) }
    }

    var megabytes: Double {
        Double(messages.reduce(0) { $0 + $1.count }) / 1_000_000
    }
}

enum BenchmarkError: Error, CustomStringConvertible {
    case emptyCorpus(String)
    case pythonFailed(String)

    var description: String {
        switch self {
        case .emptyCorpus(let directory): "no .eml files in \(directory)"
        case .pythonFailed(let detail): "the Python peer failed: \(detail)"
        }
    }
}
