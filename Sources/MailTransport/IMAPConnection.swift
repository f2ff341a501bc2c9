internal import CCurl
import Glibc
import IMAPCore

/// One logged-in IMAP connection. libcurl does TCP, TLS/STARTTLS and the login
/// (`CURLOPT_CONNECT_ONLY`); after that this class speaks IMAP itself over
/// `curl_easy_send`/`curl_easy_recv`, with its own tags and the literal-aware parser, so that
/// message bodies are never interpreted as protocol (see the libcurl notes, section 3d).
final class IMAPConnection {
    private let easy: CurlEasy
    private var parser = IMAPResponseParser()
    private var tags = IMAPTagGenerator()
    private let responseTimeout: Double
    private let receiveBuffer: UnsafeMutableRawBufferPointer
    /// Text of a `* BYE`, kept to explain the close that follows.
    private var byeText: String?
    private(set) var capabilities: Set<String> = []

    /// Bytes read from the socket per call.
    private static let receiveBufferSize = 1 << 18

    var url: String { easy.redactedURL }

    init(_ configuration: IMAPConfiguration, endpoint: Endpoint) throws {
        easy = try CurlEasy(redactedURL: endpoint.connectURL)
        responseTimeout = configuration.responseTimeout
        receiveBuffer = .allocate(byteCount: Self.receiveBufferSize, alignment: 1)
        do {
            try configure(configuration, endpoint: endpoint)
            try easy.perform()
        } catch let error as CurlError {
            throw IMAPSessionError(error)
        }
        capabilities = try fetchCapabilities()
    }

    deinit {
        receiveBuffer.deallocate()
    }

    /// Shuts the socket down before the handle is freed. libcurl sends its own LOGOUT on cleanup
    /// and waits for the answer; on a broken or stalled connection that would block for the
    /// server response timeout, so a connection given up on is cut first.
    func abandon() {
        if let socket = try? easy.activeSocket(), socket >= 0 { shutdown(socket, Int32(SHUT_RDWR)) }
    }

    private func configure(_ configuration: IMAPConfiguration, endpoint: Endpoint) throws {
        try easy.set(CURLOPT_URL, endpoint.connectURL)
        try easy.set(CURLOPT_CONNECT_ONLY, 1)
        try easy.set(CURLOPT_USERNAME, configuration.username)
        if let token = configuration.oauth2Token {
            try easy.set(CURLOPT_XOAUTH2_BEARER, token)
        } else {
            try easy.set(CURLOPT_PASSWORD, configuration.password)
        }
        // Plain imap:// must upgrade with STARTTLS unless the configuration explicitly allows clear text.
        if !endpoint.implicitTLS {
            let mode = configuration.allowInsecure ? CURLUSESSL_NONE : CURLUSESSL_ALL
            try easy.set(CURLOPT_USE_SSL, Int(mode.rawValue))
        }
        try easy.set(CURLOPT_SSL_VERIFYPEER, 1)
        try easy.set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = configuration.caFile { try easy.set(CURLOPT_CAINFO, caFile) }
        let connectMilliseconds = max(1, Int(configuration.connectTimeout * 1000))
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, connectMilliseconds)
        try easy.set(CURLOPT_TIMEOUT_MS, connectMilliseconds)
        try easy.set(CURLOPT_SERVER_RESPONSE_TIMEOUT, max(1, Int(configuration.responseTimeout.rounded(.up))))
        try easy.set(CURLOPT_NOSIGNAL, 1)
    }

    /// The capabilities after login (they often differ from the ones before it).
    private func fetchCapabilities() throws -> Set<String> {
        var found: [String] = []
        let done = try run(.capability) { response in
            if case .capability(let names) = response { found += names }
        }
        try done.requireOK(for: "CAPABILITY", url: url)
        return Set(found.map { $0.uppercased() })
    }

    // MARK: Commands

    /// Sends a command and returns its tag; the answer is read with `finish(tag:onUntagged:)`.
    /// Several commands may be in flight (pipelining) as long as their answers are read in order.
    func send(_ command: IMAPCommand) throws -> String {
        let tag = tags.next()
        let line: [UInt8]
        do {
            line = try IMAPCommandEncoder.encode(command, tag: tag)
        } catch {
            throw IMAPSessionError(.configuration, url: url, detail: "cannot encode command: \(error)")
        }
        try write(line)
        return tag
    }

    /// Reads responses until the tagged completion for `tag`, passing each untagged one on.
    func finish(tag: String, onUntagged: (UntaggedResponse) throws -> Void) throws -> TaggedResponse {
        while true {
            guard let response = try nextResponse(deadline: nil) else { continue }
            switch response {
            case .tagged(let tagged) where tagged.tag == tag: return tagged
            case .tagged(let tagged):
                throw IMAPSessionError(.protocolViolation, url: url,
                                       detail: "completion for unknown tag \(tagged.tag) while waiting for \(tag): \(tagged.summary)")
            case .untagged(let untagged): try onUntagged(untagged)
            case .continuation: continue
            }
        }
    }

    func run(_ command: IMAPCommand, onUntagged: (UntaggedResponse) throws -> Void = { _ in }) throws -> TaggedResponse {
        try finish(tag: try send(command), onUntagged: onUntagged)
    }

    /// Sends raw bytes that are not a tagged command (`DONE` ending IDLE).
    func sendRaw(_ bytes: [UInt8]) throws {
        try write(bytes)
    }

    /// Literal bytes beyond this are read but not kept (see `FetchedMessage.size`).
    var literalRetentionLimit: Int {
        get { parser.literalRetentionLimit }
        set { parser.literalRetentionLimit = newValue }
    }

    // MARK: Wire

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
    private func receive(until deadline: ContinuousClock.Instant) throws -> Bool {
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

    private func write(_ bytes: [UInt8]) throws {
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
    private func wait(for events: Int16, until deadline: ContinuousClock.Instant) throws -> Bool {
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

extension TaggedResponse {
    /// Turns NO/BAD into an error carrying the server's words.
    func requireOK(for command: String, url: String) throws {
        guard condition != .ok else { return }
        throw IMAPSessionError(.commandFailed, url: url, detail: "\(command) failed: \(summary)")
    }
}
