import Foundation
import Glibc
import LocalServers

/// A scripted SMTP server on 127.0.0.1 for what aiosmtpd will not do on request: stop
/// answering, to prove every wait is bounded, or drop the connection, to prove the next send
/// reconnects.
final class SMTPScriptedServer: @unchecked Sendable {
    enum Mode {
        /// Never accepts: the kernel completes the handshake, the greeting never comes.
        case silent
        /// Plays along up to the end of the first message, then withholds the final reply: the
        /// case where the client cannot know whether the mail was accepted.
        case stallAfterMessage
        /// Accepts each message, then says 421 and closes, as a server does that ends idle or
        /// long sessions; serves connection after connection.
        case hangUpAfterEachMessage
    }

    let port: Int
    private let listener: Int32
    /// How long the stalled connection stays open; far longer than the client's limits.
    static let stallSeconds: UInt32 = 30

    init(_ mode: Mode) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw TestServerError("socket() failed: errno \(errno)") }
        var address = LoopbackPort.address(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length) == 0 && getsockname(listener, pointer, &length) == 0 && listen(listener, 8) == 0
            }
        }
        guard ready else {
            close(listener)
            throw TestServerError("stalling server could not listen: errno \(errno)")
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        switch mode {
        case .silent: break
        case .stallAfterMessage: Thread { [self] in serve(hangingUp: false) }.start()
        case .hangUpAfterEachMessage: Thread { [self] in while serve(hangingUp: true) {} }.start()
        }
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// One connection up to the end of its first message; false once the listener is closed.
    @discardableResult
    private func serve(hangingUp: Bool) -> Bool {
        let client = accept(listener, nil, nil)
        guard client >= 0 else { return false }
        defer { close(client) }
        func send(_ text: String) { _ = text.withCString { Glibc.send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) } }
        send("220 stalling.test ESMTP\r\n")
        var buffer: [UInt8] = []
        var inData = false
        while true {
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return true }
            buffer += chunk[..<count]
            if inData {
                guard buffer.count >= 5, Array(buffer.suffix(5)) == Array("\r\n.\r\n".utf8) else { continue }
                if hangingUp {
                    send("250 OK accepted\r\n421 closing the session\r\n")
                } else {
                    sleep(Self.stallSeconds)
                }
                return true
            }
            while let newline = buffer.firstIndex(of: 10) {
                let command = String(decoding: buffer[..<newline], as: UTF8.self).uppercased()
                buffer.removeSubrange(...newline)
                if command.hasPrefix("DATA") {
                    send("354 go ahead\r\n")
                    inData = true
                } else {
                    send("250 OK\r\n")
                }
            }
        }
    }
}
