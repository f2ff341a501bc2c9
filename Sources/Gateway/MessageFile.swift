import Foundation

/// Reads a whole message file straight into a byte array (one copy, no `Data` in between:
/// `parse --stats` measures the parser, and mailbox exports can be large).
enum MessageFile {
    struct ReadError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "cannot read '\(path)': \(reason)" }
    }

    /// Size of each `read(2)` when the file size is unknown (pipes, `-` for stdin).
    private static let chunkSize = 1 << 20
    /// Size of the read that confirms the end of a file.
    private static let probeSize = 4096

    static func read(_ path: String) throws -> [UInt8] {
        let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw ReadError(path: path, reason: "is a directory")
        }
        var bytes: [UInt8] = []
        var limit = max(Int(status.st_size), 0) + 1
        while true {
            let start = bytes.count
            var failure: Int32 = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: limit) { buffer, initialized in
                var count: Int
                repeat {
                    count = Glibc.read(descriptor, buffer.baseAddress, limit)
                    failure = count < 0 ? errno : 0
                } while failure == EINTR
                initialized = max(count, 0)
            }
            if failure != 0 { throw ReadError(path: path, reason: String(cString: strerror(failure))) }
            if chunk.isEmpty { return bytes }
            if start == 0 { bytes = chunk } else { bytes.append(contentsOf: chunk) }
            // A short read usually means the end of the file: probe it with a small read.
            limit = chunk.count < limit ? probeSize : chunkSize
        }
    }
}
