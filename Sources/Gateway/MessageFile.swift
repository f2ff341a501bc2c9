import Foundation

/// Reads a whole message file straight into a byte array (one copy, no `Data` in between:
/// `parse --stats` measures the parser, and mailbox exports can be large).
enum MessageFile {
    struct ReadError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "cannot read '\(path)': \(reason)" }
    }

    /// How much the buffer grows when a file turns out larger than `fstat` said (pipes, `-` for stdin).
    private static let chunkSize = 1 << 20

    /// One buffer of the file's size plus one byte, so the read that confirms the end needs no
    /// second buffer (and no generic `unsafeUninitializedCapacity` path, measurably slow per file).
    static func read(_ path: String) throws -> [UInt8] {
        let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw ReadError(path: path, reason: "is a directory")
        }
        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: chunkSize)) }
            var failure: Int32 = 0
            let count = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                var count: Int
                repeat {
                    count = Glibc.read(descriptor, base + filled, buffer.count - filled)
                    failure = count < 0 ? errno : 0
                } while failure == EINTR
                return count
            }
            if failure != 0 { throw ReadError(path: path, reason: String(cString: strerror(failure))) }
            if count <= 0 {
                bytes.removeLast(bytes.count - filled)
                return bytes
            }
            filled += count
        }
    }
}
