/// The envelope and body of one send, checked and prepared before the server is contacted.
///
/// libcurl writes `MAIL FROM:<…>` and `RCPT TO:<…>` lines from these strings verbatim, so an
/// address with CR, LF, angle brackets, spaces or other control characters could inject
/// commands; such addresses are refused here.
struct SMTPEnvelope {
    /// `<address>` for CURLOPT_MAIL_FROM; `<>` for a null sender.
    var mailFrom: String
    /// `<address>` per recipient for CURLOPT_MAIL_RCPT.
    var recipients: [String]
    /// The message with every line ending CRLF.
    var bytes: [UInt8]

    /// RFC 5321 §4.5.3.1.3: a path is at most 256 octets including the angle brackets.
    static let maximumAddressLength = 254
    /// Recipients per message; a reply has one, so more is a bug upstream.
    static let maximumRecipients = 100

    /// Throws the reason as a readable sentence.
    init(from: String, to: [String], bytes: [UInt8]) throws(EnvelopeProblem) {
        if !from.isEmpty { try Self.check(from, role: "sender") }
        guard !to.isEmpty else { throw EnvelopeProblem("no recipients") }
        guard to.count <= Self.maximumRecipients else {
            throw EnvelopeProblem("\(to.count) recipients, more than the limit of \(Self.maximumRecipients)")
        }
        for address in to { try Self.check(address, role: "recipient") }
        mailFrom = "<\(from)>"
        recipients = to.map { "<\($0)>" }
        self.bytes = Self.normalizingLineEndings(bytes)
    }

    struct EnvelopeProblem: Error {
        var text: String
        init(_ text: String) { self.text = text }
    }

    /// local@domain, printable, no angle brackets or whitespace, bounded length.
    private static func check(_ address: String, role: String) throws(EnvelopeProblem) {
        let shown = String(address.unicodeScalars.prefix(80).map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
        guard address.utf8.count <= maximumAddressLength else {
            throw EnvelopeProblem("\(role) address \"\(shown)…\" is longer than \(maximumAddressLength) bytes")
        }
        let forbidden = address.utf8.first { $0 <= 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }
        if let forbidden {
            throw EnvelopeProblem("\(role) address \"\(shown)\" contains the forbidden byte 0x\(String(forbidden, radix: 16))")
        }
        guard let at = address.utf8.lastIndex(of: UInt8(ascii: "@")), at != address.utf8.startIndex,
              address.utf8.index(after: at) != address.utf8.endIndex else {
            throw EnvelopeProblem("\(role) address \"\(shown)\" is not of the form local@domain")
        }
    }

    /// Bare LF and bare CR become CRLF: strict MTAs refuse bare line feeds (libcurl sends them
    /// unchanged). libcurl itself does the dot-stuffing and adds a final CRLF when missing.
    static func normalizingLineEndings(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 32)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                result.append(0x0D); result.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else if byte == 0x0A {
                result.append(0x0D); result.append(0x0A)
            } else {
                result.append(byte)
            }
            index += 1
        }
        return result
    }
}
