import Foundation
import Glibc

/// A blocking TCP client on 127.0.0.1 for seeding the local servers (IMAP APPEND, LMTP) and talking
/// to them in tests: send bytes, read CRLF lines. Plain sockets on purpose: the seeding path must not
/// share code with the client under test.
public final class LoopbackSocket {
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    public init(port: Int, timeoutSeconds: Int = 30) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw LocalServerError("socket() failed: errno \(errno)") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        // Small command writes must not wait for Nagle/delayed-ACK (40 ms per LMTP message otherwise).
        var noDelay: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        var address = LoopbackPort.address(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(descriptor)
            throw LocalServerError("connect to 127.0.0.1:\(port) failed: errno \(errno)")
        }
    }

    deinit {
        close(descriptor)
    }

    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw LocalServerError("send failed: errno \(errno)") }
            offset += sent
        }
    }

    public func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// The next line without its CRLF.
    public func readLine() throws -> String {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[..<newline]
                buffer.removeSubrange(...newline)
                return String(decoding: line.last == 13 ? line.dropLast() : line, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw LocalServerError("connection closed or timed out while reading (errno \(errno))") }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    /// Reads lines until one starts with `prefix`; returns that line.
    public func readLine(startingWith prefix: String) throws -> String {
        while true {
            let line = try readLine()
            if line.hasPrefix(prefix) { return line }
        }
    }
}
