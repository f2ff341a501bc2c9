/// Reads msg-ids (RFC 5322 §3.6.4) from Message-ID, In-Reply-To and References, without the
/// angle brackets. Real mail omits the brackets or puts comments and phrases between ids
/// (RFC 5322 §4.5.4 obs-in-reply-to), so: every `<…>` in order, else the whitespace-separated words.
///
/// Works on the bytes when they are ASCII (almost always: ids are ASCII by definition), and on
/// Characters otherwise, so that Unicode whitespace inside an id is dropped the same way.
enum MessageIDList {
    static func ids(_ value: [UInt8]) -> [String] {
        if ASCII.isSevenBit(value) { return asciiIDs(value) }
        let text = CharsetDecoder.guess(value)
        var ids: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: ">") else { break }
            let id = rest[afterOpen..<close].filter { !$0.isWhitespace }
            if !id.isEmpty { ids.append(String(id)) }
            rest = rest[rest.index(after: close)...]
            if ids.count >= ParseLimits.maxReferences { return ids }
        }
        if !ids.isEmpty { return ids }
        return text.split(whereSeparator: { $0.isWhitespace || $0 == "," })
            .filter { !$0.hasPrefix("(") }
            .prefix(ParseLimits.maxReferences)
            .map(String.init)
    }

    /// `Character.isWhitespace` for ASCII (Unicode White_Space: TAB, LF, VT, FF, CR, space).
    @inline(__always)
    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == ASCII.space || (byte >= 0x09 && byte <= 0x0D)
    }

    /// The same reading as the Character path, on 7-bit bytes.
    private static func asciiIDs(_ value: [UInt8]) -> [String] {
        value.withUnsafeBufferPointer { bytes in
            var ids: [String] = []
            var position = 0
            var id: [UInt8] = []
            while let open = index(of: UInt8(ascii: "<"), in: bytes, from: position),
                  let close = index(of: UInt8(ascii: ">"), in: bytes, from: open + 1) {
                id.removeAll(keepingCapacity: true)
                for byte in bytes[(open + 1)..<close] where !isWhitespace(byte) { id.append(byte) }
                if !id.isEmpty { ids.append(String(decoding: id, as: UTF8.self)) }
                position = close + 1
                if ids.count >= ParseLimits.maxReferences { return ids }
            }
            if !ids.isEmpty { return ids }
            var start = 0
            while start < bytes.count, ids.count < ParseLimits.maxReferences {
                var end = start
                while end < bytes.count, !isWhitespace(bytes[end]), bytes[end] != UInt8(ascii: ",") { end += 1 }
                if end > start, bytes[start] != UInt8(ascii: "(") {
                    ids.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                }
                start = end + 1
            }
            return ids
        }
    }

    private static func index(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }
}
