/// Makes header values safe and standard: no CR/LF from any input ever reaches a header
/// (header injection), non-ASCII becomes RFC 2047 encoded-words, long lines are folded (RFC 5322 §2.2.3).
public enum HeaderText {
    /// RFC 5322 §2.1.1: lines should stay within 78 characters.
    static let foldWidth = 78
    /// RFC 2047 §2 allows 75 characters per encoded-word; 60 leaves room for the field name on the
    /// first line, so no line exceeds the fold width.
    static let maxEncodedWordLength = 60

    /// Replaces every control character (CR and LF above all) and the Unicode line and paragraph
    /// separators with a space, and trims spaces at both ends.
    public static func sanitized(_ value: String) -> String {
        // Most values are clean: say so after one pass over the bytes, without building a copy.
        if isClean(value) { return value }
        var out = ""
        out.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        for scalar in value.unicodeScalars {
            out.unicodeScalars.append(isUnsafe(scalar) ? " " : scalar)
        }
        return trimmed(out)
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// No control byte, no U+2028/2029 (UTF-8 E2 80 A8/A9), no space at either end.
    private static func isClean(_ value: String) -> Bool {
        let utf8 = value.utf8
        if utf8.first == 0x20 || utf8.last == 0x20 { return false }
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in utf8 {
            if byte < 0x20 || byte == 0x7F { return false }
            if previous == (0xE2, 0x80), byte == 0xA8 || byte == 0xA9 { return false }
            previous = (previous.1, byte)
        }
        // A Unicode space at an end (e.g. U+00A0) is trimmed as before, by the slow path.
        return value.unicodeScalars.first.map { !$0.properties.isWhitespace } ?? true
            && value.unicodeScalars.last.map { !$0.properties.isWhitespace } ?? true
    }

    /// Without spaces (any Unicode space separator or tab) at either end.
    private static func trimmed(_ value: String) -> String {
        let scalars = value.unicodeScalars
        let isBlank = { (scalar: Unicode.Scalar) in scalar == " " || scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
              let last = scalars.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// One header line `Name: value`, sanitized, encoded when not ASCII, folded, ending in CRLF.
    public static func field(_ name: String, _ value: String) -> String {
        let clean = sanitized(value)
        let words = clean.unicodeScalars.allSatisfy(\.isASCII) ? asciiWords(clean) : encodedWords(clean)
        return fold(name: name, words: words)
    }

    /// An unstructured ASCII value split into words at spaces, for folding.
    private static func asciiWords(_ value: String) -> [String] {
        value.utf8.split(separator: 0x20, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
    }

    /// RFC 2047 B encoded-words in UTF-8, each at most 75 characters, never splitting a character.
    static func encodedWords(_ value: String) -> [String] {
        let prefix = "=?utf-8?B?", suffix = "?="
        // 4 base64 characters carry 3 bytes.
        let maxBytes = (maxEncodedWordLength - prefix.count - suffix.count) / 4 * 3
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in value {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > maxBytes, !chunk.isEmpty {
                words.append(prefix + Base64.encode(chunk) + suffix)
                chunk.removeAll(keepingCapacity: true)
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(prefix + Base64.encode(chunk) + suffix) }
        return words
    }

    /// Joins words with single spaces, breaking lines (CRLF + space) before the fold width.
    private static func fold(name: String, words: [String]) -> String {
        var out = name + ":"
        var lineLength = out.count
        for word in words {
            if lineLength + 1 + word.count > foldWidth, lineLength > name.count + 1 {
                out += "\r\n"
                lineLength = 0
            }
            out += " " + word
            lineLength += 1 + word.count
        }
        return out + "\r\n"
    }
}
