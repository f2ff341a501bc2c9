import Foundation
import Glibc
import LocalServers

/// A tiny scripted IMAP server on loopback for what a real Dovecot cannot easily show: it logs
/// anyone in (offering PLAIN and XOAUTH2, recording the login line), answers SELECT, and then
/// stops sending halfway through the literal of the first UID FETCH, the case where only the
/// client's own response timeout can help.
final class ScriptedIMAPServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var loginLine: String?

    /// The AUTHENTICATE or LOGIN command the client sent.
    var recordedLogin: String? { lock.withLock { loginLine } }
    /// How long the server keeps the stalled connection open before giving up itself.
    static let stallSeconds = 30

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var reuse: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = LoopbackPort.address(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length) == 0 && getsockname(listener, pointer, &length) == 0 && listen(listener, 4) == 0
            }
        }
        guard ready else {
            close(listener)
            throw TestServerError("scripted server could not listen: errno \(errno)")
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in serveOne() }
        thread.start()
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serveOne() {
        let client = accept(listener, nil, nil)
        guard client >= 0 else { return }
        defer { close(client) }
        func send(_ text: String) { _ = text.withCString { Glibc.send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) } }
        send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 SASL-IR] scripted test server ready\r\n")
        var buffer: [UInt8] = []
        while true {
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return }
            buffer += chunk[..<count]
            while let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self).trimmingCharacters(in: .newlines)
                buffer.removeSubrange(...newline)
                let words = line.split(separator: " ")
                guard let tag = words.first else { continue }
                let command = words.dropFirst().prefix(2).joined(separator: " ").uppercased()
                switch command {
                case let name where name.hasPrefix("CAPABILITY"):
                    send("* CAPABILITY IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 SASL-IR\r\n\(tag) OK done\r\n")
                case let name where name.hasPrefix("AUTHENTICATE") || name.hasPrefix("LOGIN"):
                    lock.withLock { loginLine = line }
                    send("\(tag) OK logged in\r\n")
                case let name where name.hasPrefix("SELECT"):
                    send("* 1 EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\n* OK [UIDNEXT 2] ok\r\n\(tag) OK [READ-WRITE] selected\r\n")
                case let name where name.hasPrefix("LOGOUT"):
                    send("* BYE logging out\r\n\(tag) OK done\r\n")
                    return
                case "UID FETCH":
                    send("* 1 FETCH (UID 1 RFC822.SIZE 1000 BODY[] {1000}\r\n" + String(repeating: "x", count: 100))
                    // Stall: read (and ignore) until the client hangs up or our own patience ends.
                    var timeout = timeval(tv_sec: Self.stallSeconds, tv_usec: 0)
                    setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                    while chunk.withUnsafeMutableBytes({ recv(client, $0.baseAddress, $0.count, 0) }) > 0 {}
                    return
                default:
                    send("\(tag) OK done\r\n")
                }
            }
        }
    }
}
