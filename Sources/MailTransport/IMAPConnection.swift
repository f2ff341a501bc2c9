internal import CCurl
import Glibc
import IMAPCore

/// One logged-in IMAP connection. libcurl does TCP, TLS/STARTTLS and the login
/// (`CURLOPT_CONNECT_ONLY`); after that this class speaks IMAP itself over
/// `curl_easy_send`/`curl_easy_recv`, with its own tags and the literal-aware parser, so that
/// message bodies are never interpreted as protocol (see the libcurl notes, section 3d).
final class IMAPConnection {
    let easy: CurlEasy
    var parser = IMAPResponseParser()
    private var tags = IMAPTagGenerator()
    let responseTimeout: Double
    let receiveBuffer: UnsafeMutableRawBufferPointer
    /// Text of a `* BYE`, kept to explain the close that follows.
    var byeText: String?
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
}

extension TaggedResponse {
    /// Turns NO/BAD into an error carrying the server's words.
    func requireOK(for command: String, url: String) throws {
        guard condition != .ok else { return }
        throw IMAPSessionError(.commandFailed, url: url, detail: "\(command) failed: \(summary)")
    }
}
