/// Message-ID text for generated headers (RFC 5322 §3.6.4): only characters that are safe in a msg-id.
enum MessageIDText {
    /// An inbound msg-id reduced to printable ASCII without brackets, spaces or controls.
    static func sanitized(_ id: String) -> String {
        String(String.UnicodeScalarView(id.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F && $0 != "<" && $0 != ">" }))
    }

    /// ASCII letters, digits, `-` and `.` only: for the parts of our own Message-IDs.
    static func token(_ text: String) -> String {
        String(decoding: text.utf8.filter { byte in
            (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }, as: UTF8.self)
    }
}
