internal import CCurl
internal import CCurlShim

/// One libcurl easy handle. Owns the C handle and its error buffer and frees both in `deinit`;
/// not Sendable, because libcurl handles must not be used from two threads at once.
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// The URL for error messages: scheme, host, port and path, never user or password.
    let redactedURL: String

    /// `curl_global_init` must run once per process before the first handle; a lazy global is
    /// initialised exactly once, thread-safely.
    private static let globalInit: Int = Int(curl_global_init(Int(CURL_GLOBAL_DEFAULT)).rawValue)

    init(redactedURL: String) throws {
        self.redactedURL = redactedURL
        guard Self.globalInit == Int(CURLE_OK.rawValue) else {
            throw CurlError(operation: "curl_global_init", code: Self.globalInit, message: curlshim_load_error().map { String(cString: $0) } ?? "libcurl could not be initialised",
                            url: redactedURL)
        }
        guard let handle = curl_easy_init() else {
            throw CurlError(operation: "curl_easy_init", code: -1, message: "out of memory", url: redactedURL)
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        _ = curlshim_setopt_ptr(handle, CURLOPT_ERRORBUFFER, errorBuffer)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    func set(_ option: CURLoption, _ value: Int) throws {
        try check(curlshim_setopt_long(handle, option, value), "curl_easy_setopt(\(option.rawValue))")
    }

    /// libcurl copies string options, so the temporary C string may go away after the call.
    func set(_ option: CURLoption, _ value: String) throws {
        try check(curlshim_setopt_str(handle, option, value), "curl_easy_setopt(\(option.rawValue))")
    }

    /// libcurl keeps the pointer, so it must stay valid until the option is set again or the handle is freed.
    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws {
        try check(curlshim_setopt_ptr(handle, option, pointer), "curl_easy_setopt(\(option.rawValue))")
    }

    /// For READFUNCTION, HEADERFUNCTION and WRITEFUNCTION: a non-capturing C function whose
    /// context travels in the matching *DATA pointer.
    func set(_ option: CURLoption, callback: curlshim_data_cb) throws {
        try check(curlshim_setopt_cb(handle, option, callback), "curl_easy_setopt(\(option.rawValue))")
    }

    func set(_ option: CURLoption, largeOffset: Int64) throws {
        try check(curlshim_setopt_off(handle, option, curl_off_t(largeOffset)), "curl_easy_setopt(\(option.rawValue))")
    }

    /// A numeric transfer property of the last perform (response code, connections opened).
    func info(_ info: CURLINFO) throws -> Int {
        var value = 0
        try check(curlshim_getinfo_long(handle, info, &value), "curl_easy_getinfo(\(info.rawValue))")
        return value
    }

    func perform(_ operation: String = "connect and log in") throws {
        errorBuffer[0] = 0
        try check(curl_easy_perform(handle), operation)
    }

    /// Sends what the socket takes now; 0 means "would block, poll for POLLOUT".
    func send(_ bytes: UnsafeRawBufferPointer) throws -> Int {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        var sent = 0
        let code = curl_easy_send(handle, base, bytes.count, &sent)
        if code == CURLE_AGAIN { return 0 }
        try check(code, "send")
        return sent
    }

    /// Reads what is available: nil means "would block, poll for POLLIN"; 0 means the server closed.
    func receive(into buffer: UnsafeMutableRawBufferPointer) throws -> Int? {
        guard let base = buffer.baseAddress else { return 0 }
        var received = 0
        let code = curl_easy_recv(handle, base, buffer.count, &received)
        if code == CURLE_AGAIN { return nil }
        try check(code, "receive")
        return received
    }

    /// The connected socket, for poll().
    func activeSocket() throws -> Int32 {
        var socket = curl_socket_t(-1)
        try check(curlshim_getinfo_socket(handle, CURLINFO_ACTIVESOCKET, &socket), "curl_easy_getinfo(ACTIVESOCKET)")
        return socket
    }

    /// The one place where curl's return codes become errors.
    func check(_ code: CURLcode, _ operation: String) throws {
        guard code != CURLE_OK else { return }
        let detail = String(cString: errorBuffer)
        let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        throw CurlError(operation: operation, code: Int(code.rawValue), message: message, url: redactedURL)
    }
}
