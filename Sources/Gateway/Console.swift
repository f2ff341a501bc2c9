import Foundation

/// Writes to the process's standard streams.
enum Console {
    /// One line on stderr, prefixed with the program name.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("support-intake: \(message)\n".utf8))
    }
}
