import Foundation

extension FileManager {
    /// Creates (or empties) the file at `path`. Not `createFile(atPath:contents:)`: on Linux that
    /// writes atomically through a temporary folder in /tmp which it leaves behind, one per call.
    func createEmptyFile(atPath path: String) {
        try? Data().write(to: URL(fileURLWithPath: path))
    }
}
