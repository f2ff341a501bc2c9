public import Glibc

/// 127.0.0.1 addresses and ports for servers started on loopback.
public enum LoopbackPort {
    public static func address(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    /// A port that was free a moment ago (bind to port 0, read it, close).
    public static func free() throws -> Int {
        let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(probe) }
        var address = address(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(probe, pointer, length) == 0 && getsockname(probe, pointer, &length) == 0
            }
        }
        guard bound else { throw LocalServerError("could not find a free port: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether a server on 127.0.0.1:`port` greets with `prefix` (its first bytes) before
    /// `seconds` pass, trying every 20 ms while it starts.
    public static func greets(port: Int, with prefix: String = "", within seconds: Double) -> Bool {
        let wanted = Array(prefix.utf8)
        var deadline = timespec()
        clock_gettime(CLOCK_MONOTONIC, &deadline)
        let end = Double(deadline.tv_sec) + Double(deadline.tv_nsec) / 1e9 + seconds
        while true {
            if greeting(port: port, length: max(1, wanted.count)).map({ wanted.isEmpty || $0 == wanted }) == true { return true }
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            if Double(now.tv_sec) + Double(now.tv_nsec) / 1e9 >= end { return false }
            usleep(20_000)
        }
    }

    /// The first `length` bytes the server sends after a connect, or nil.
    private static func greeting(port: Int, length: Int) -> [UInt8]? {
        let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(probe) }
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(probe, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = address(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(probe, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: length)
        var received = 0
        while received < length {
            let count = bytes.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { recv(probe, $0 + received, length - received, 0) } ?? -1
            }
            guard count > 0 else { return nil }
            received += count
        }
        return bytes
    }
}
