import Foundation
import Glibc

/// A scripted SMTP server on 127.0.0.1 that stops answering, to prove every wait is bounded:
/// `.silent` never even accepts (the kernel completes the handshake, the greeting never comes);
/// `.afterMessage` plays along up to the end of the message and then withholds the final
/// reply: the case where the client cannot know whether the mail was accepted.
final class SMTPStallingServer: @unchecked Sendable {
    enum Mode { case silent, afterMessage }

    let port: Int
    private let listener: Int32
    /// How long the stalled connection stays open; far longer than the client's limits.
    static let stallSeconds: UInt32 = 30

    init(_ mode: Mode) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw TestServerError("socket() failed: errno \(errno)") }
        var address = LoopbackSocket.address(port: 0)
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
        if mode == .afterMessage {
            Thread { [self] in serveUntilTheMessageEnds() }.start()
        }
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serveUntilTheMessageEnds() {
        let client = accept(listener, nil, nil)
        guard client >= 0 else { return }
        defer { close(client) }
        func send(_ text: String) { _ = text.withCString { Glibc.send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) } }
        send("220 stalling.test ESMTP\r\n")
        var buffer: [UInt8] = []
        var inData = false
        while true {
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return }
            buffer += chunk[..<count]
            if inData {
                if buffer.count >= 5, Array(buffer.suffix(5)) == Array("\r\n.\r\n".utf8) {
                    sleep(Self.stallSeconds)
                    return
                }
                continue
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
