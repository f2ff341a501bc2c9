internal import CCurl
import Glibc
import IMAPCore

/// Reading and writing on the connected socket: curl_easy_recv/send, poll() for readiness,
/// and the response timeout as the longest allowed silence.
extension IMAPConnection {
    /// The next response. With a `deadline`, returns nil when it passes first (IDLE waiting);
    /// without one, silence longer than the response timeout is an error.
    func nextResponse(deadline: ContinuousClock.Instant?) throws -> IMAPResponse? {
        while true {
            do {
                if let response = try parser.next() {
                    if case .untagged(.status(.bye, let text)) = response { byeText = text.text }
                    return response
                }
            } catch let error as IMAPParseError {
                throw IMAPSessionError(.protocolViolation, url: url, detail: error.description)
            }
            let limit = deadline ?? ContinuousClock.now.advanced(by: .milliseconds(Int(responseTimeout * 1000)))
            guard try receive(until: limit) else {
                if deadline != nil { return nil }
                let situation = parser.hasPartialResponse ? "in the middle of a response" : "waiting for a response"
                throw IMAPSessionError(.timeout, url: url,
                                       detail: "server silent for \(responseTimeout) s \(situation)")
            }
        }
    }

    /// Reads once into the parser; false when `deadline` passed without data.
    func receive(until deadline: ContinuousClock.Instant) throws -> Bool {
        while true {
            let received: Int?
            do {
                received = try easy.receive(into: receiveBuffer)
            } catch let error as CurlError {
                throw IMAPSessionError(error)
            }
            switch received {
            case 0?:
                let reason = byeText.map { "server said BYE: \($0)" } ?? "server closed the connection"
                throw IMAPSessionError(.connectionLost, url: url, detail: reason)
            case let count?:
                parser.append(UnsafeRawBufferPointer(rebasing: receiveBuffer[0..<count]))
                return true
            case nil:
                guard try wait(for: Int16(POLLIN), until: deadline) else { return false }
            }
        }
    }

    func write(_ bytes: [UInt8]) throws {
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(responseTimeout * 1000)))
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let sent: Int
                do {
                    sent = try easy.send(UnsafeRawBufferPointer(rebasing: buffer[offset...]))
                } catch let error as CurlError {
                    throw IMAPSessionError(error)
                }
                offset += sent
                if sent == 0, try !wait(for: Int16(POLLOUT), until: deadline) {
                    throw IMAPSessionError(.timeout, url: url, detail: "server not reading for \(responseTimeout) s")
                }
            }
        }
    }

    /// poll() on the connection's socket; false on timeout.
    func wait(for events: Int16, until deadline: ContinuousClock.Instant) throws -> Bool {
        let socket = try easy.activeSocket()
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return false }
            let milliseconds = Int32(clamping: remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1)
            var descriptor = pollfd(fd: socket, events: events, revents: 0)
            let result = poll(&descriptor, 1, milliseconds)
            if result > 0 { return true }
            if result < 0 && errno != EINTR {
                throw IMAPSessionError(.protocolViolation, url: url, detail: "poll failed: errno \(errno)")
            }
        }
    }
}
