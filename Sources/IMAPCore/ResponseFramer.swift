/// Cuts the incoming byte stream into complete responses without interpreting them: a response
/// ends at a CRLF that is not preceded by a literal announcement `{n}` (RFC 9051 §4.3). Bytes
/// inside a literal are never looked at, so a message body line such as `A004 OK` can never end a
/// command. Works on any split of the input across reads.
struct ResponseFramer {
    private enum State {
        /// Looking for the end of the current line; bytes before `scanFrom` hold no LF.
        case line(scanFrom: Int)
        /// Copying a literal; `remaining` bytes of it are still to come.
        case literal(remaining: Int)
    }

    /// Literal bytes beyond this many are consumed but not kept (the announced size stays).
    var literalRetentionLimit: Int
    let limits: IMAPLimits
    private var buffer: [UInt8] = []
    private var readIndex = 0
    private var state = State.line(scanFrom: 0)
    private var frame = ResponseFrame()
    /// Compacting the buffer costs a copy; do it only when this much has been consumed.
    private static let compactionThreshold = 1 << 16

    init(limits: IMAPLimits, literalRetentionLimit: Int) {
        self.limits = limits
        self.literalRetentionLimit = literalRetentionLimit
    }

    mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Bytes received but not yet part of a returned frame (a partial response).
    var hasPartialResponse: Bool { readIndex < buffer.count || !frame.text.isEmpty }

    /// The next complete frame, or nil when more bytes are needed.
    mutating func nextFrame() throws -> ResponseFrame? {
        defer { compact() }
        while true {
            switch state {
            case .literal(let remaining):
                let available = min(remaining, buffer.count - readIndex)
                guard available > 0 else { return nil }
                let index = frame.literals.count - 1
                let room = max(0, literalRetentionLimit - frame.literals[index].bytes.count)
                let kept = min(room, available)
                frame.literals[index].bytes.append(contentsOf: buffer[readIndex..<(readIndex + kept)])
                readIndex += available
                state = remaining == available ? .line(scanFrom: readIndex) : .literal(remaining: remaining - available)
            case .line(let scanFrom):
                guard let newline = buffer[scanFrom...].firstIndex(of: UInt8(ascii: "\n")) else {
                    guard buffer.count - readIndex <= limits.maxLineLength else { throw lineTooLong() }
                    state = .line(scanFrom: buffer.count)
                    return nil
                }
                var end = newline
                if end > readIndex && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                guard end - readIndex <= limits.maxLineLength else { throw lineTooLong() }
                let line = buffer[readIndex..<end]
                frame.text.append(contentsOf: line)
                readIndex = newline + 1
                if let size = Self.literalAnnouncement(at: line) {
                    guard size <= limits.maxLiteralSize else {
                        throw IMAPParseError(.literalTooLarge(size: size, limit: limits.maxLiteralSize),
                                             excerpt: IMAPParseError.excerpt(of: frame.text))
                    }
                    guard frame.literals.count < limits.maxLiteralsPerResponse else {
                        throw IMAPParseError(.tooManyLiterals(limit: limits.maxLiteralsPerResponse),
                                             excerpt: IMAPParseError.excerpt(of: frame.text))
                    }
                    var literal = IMAPLiteral(bytes: [], size: size)
                    literal.bytes.reserveCapacity(min(size, literalRetentionLimit))
                    frame.literals.append(literal)
                    state = size > 0 ? .literal(remaining: size) : .line(scanFrom: readIndex)
                } else {
                    state = .line(scanFrom: readIndex)
                    defer { frame = ResponseFrame() }
                    return frame
                }
            }
        }
    }

    private func lineTooLong() -> IMAPParseError {
        IMAPParseError(.lineTooLong(limit: limits.maxLineLength), excerpt: IMAPParseError.excerpt(of: buffer[readIndex...]))
    }

    private mutating func compact() {
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= Self.compactionThreshold * 16)
        } else if readIndex >= Self.compactionThreshold {
            buffer.removeSubrange(0..<readIndex)
        } else {
            return
        }
        if case .line(let scanFrom) = state { state = .line(scanFrom: scanFrom - readIndex) }
        readIndex = 0
    }

    /// The size in a trailing `{n}`, `{n+}` or `~{n}` (RFC 9051 `literal`, RFC 7888, RFC 3516).
    static func literalAnnouncement(at line: ArraySlice<UInt8>) -> Int? {
        guard line.last == UInt8(ascii: "}"), let open = line.lastIndex(of: UInt8(ascii: "{")) else { return nil }
        var digits = line[(open + 1)..<(line.endIndex - 1)]
        if digits.last == UInt8(ascii: "+") { digits = digits.dropLast() }
        let maxDigits = 12
        guard !digits.isEmpty, digits.count <= maxDigits,
              digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
