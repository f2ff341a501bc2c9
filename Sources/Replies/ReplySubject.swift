/// The subject a reply repeats: the original without reply/forward prefixes and our ticket tag, so
/// that replies never stack up "Re: AW: Re:" or a second `[Ticket#N]`. Works on UTF-8 bytes (the
/// prefixes and the tag are ASCII, and no byte of a multi-byte character is), since every reply
/// needs it.
enum ReplySubject {
    /// Reply and forward prefixes of common clients, in English, German and Scandinavian languages.
    static let prefixes: Set<[UInt8]> = Set(["re", "aw", "wg", "fw", "fwd", "antw", "sv"].map { Array($0.utf8) })
    private static let tag = Array("[Ticket#".utf8)

    static func base(_ subject: String) -> String {
        var bytes = Array(HeaderText.sanitized(subject).utf8)
        removeTicketTag(&bytes)
        while let end = prefixEnd(bytes) { bytes.removeFirst(end) }
        while let last = bytes.last, isBlank(last) { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Removes the first `[Ticket#…]` and the blanks before it.
    private static func removeTicketTag(_ bytes: inout [UInt8]) {
        guard bytes.count >= tag.count,
              let start = (0...(bytes.count - tag.count)).first(where: { bytes[$0..<$0 + tag.count].elementsEqual(tag) }),
              let close = bytes[start...].firstIndex(of: UInt8(ascii: "]")) else { return }
        var from = start
        while from > 0, isBlank(bytes[from - 1]) { from -= 1 }
        bytes.removeSubrange(from...close)
    }

    /// The end of a leading `Re:`, `AW:`, `RE[2]:` … with the blanks around it, if there is one.
    private static func prefixEnd(_ bytes: [UInt8]) -> Int? {
        var index = 0
        func skipBlanks() { while index < bytes.count, isBlank(bytes[index]) { index += 1 } }
        skipBlanks()
        var word: [UInt8] = []
        while index < bytes.count, let lower = asciiLetter(bytes[index]) {
            word.append(lower)
            index += 1
        }
        guard prefixes.contains(word) else { return nil }
        skipBlanks()
        if index < bytes.count, bytes[index] == UInt8(ascii: "[") {
            var cursor = index + 1
            while cursor < bytes.count, (0x30...0x39).contains(bytes[cursor]) { cursor += 1 }
            guard cursor > index + 1, cursor < bytes.count, bytes[cursor] == UInt8(ascii: "]") else { return nil }
            index = cursor + 1
            skipBlanks()
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        skipBlanks()
        return index
    }

    /// The lower-case form of an ASCII letter, nil for anything else.
    private static func asciiLetter(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x61...0x7A: byte
        case 0x41...0x5A: byte + 0x20
        default: nil
        }
    }
}
