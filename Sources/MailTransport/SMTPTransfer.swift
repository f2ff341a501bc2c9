internal import CCurlShim

/// The state of one send that libcurl's C callbacks reach through `Unmanaged`: the message
/// bytes it reads from, and the server replies it reports line by line. Lives for exactly one
/// `curl_easy_perform`.
final class SMTPTransfer {
    private let bytes: [UInt8]
    private var offset = 0
    private var pendingLines: [String] = []
    /// The complete replies of this send, oldest first (the newest `maximumReplies`). The one
    /// that refused is not always the last: libcurl may still say QUIT and record the 221.
    private(set) var replies: [SMTPReply] = []

    /// Reply lines kept per reply and characters kept per line: a hostile server must not grow memory.
    static let maximumReplies = 32
    static let maximumReplyLines = 20
    static let maximumReplyLineLength = 512

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var size: Int { bytes.count }

    /// CURLOPT_READFUNCTION: copies the next chunk of the message.
    static let read: curlshim_data_cb = { buffer, size, count, context in
        guard let buffer, let context else { return 0 }
        let transfer = Unmanaged<SMTPTransfer>.fromOpaque(context).takeUnretainedValue()
        return transfer.copy(into: UnsafeMutableRawBufferPointer(start: buffer, count: size * count))
    }

    /// CURLOPT_HEADERFUNCTION: for SMTP libcurl passes every server reply line here.
    static let header: curlshim_data_cb = { buffer, size, count, context in
        // Without a context (the QUIT reply while the handle is freed) the line is simply dropped.
        guard let buffer, let context else { return size * count }
        let transfer = Unmanaged<SMTPTransfer>.fromOpaque(context).takeUnretainedValue()
        transfer.record(UnsafeRawBufferPointer(start: buffer, count: size * count))
        return size * count
    }

    private func copy(into destination: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(destination.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
        }
        offset += count
        return count
    }

    /// "250-first line" continues a reply, "250 last line" ends it (RFC 5321 §4.2.1).
    private func record(_ raw: UnsafeRawBufferPointer) {
        var line = Array(raw.prefix(Self.maximumReplyLineLength + 5))
        while let last = line.last, last == 0x0A || last == 0x0D { line.removeLast() }
        guard line.count >= 3, let code = Int(String(decoding: line[0..<3], as: UTF8.self)) else { return }
        let text = String(decoding: line.dropFirst(4).prefix(Self.maximumReplyLineLength), as: UTF8.self)
        if pendingLines.count < Self.maximumReplyLines { pendingLines.append(text) }
        if line.count == 3 || line[3] != UInt8(ascii: "-") {
            if replies.count == Self.maximumReplies { replies.removeFirst() }
            replies.append(SMTPReply(code: code, text: pendingLines.joined(separator: " ")))
            pendingLines = []
        }
    }
}
