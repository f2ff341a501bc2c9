import Foundation

/// Makes header values safe and standard: no CR/LF from any input ever reaches a header
/// (header injection), non-ASCII becomes RFC 2047 encoded-words, long lines are folded (RFC 5322 §2.2.3).
public enum HeaderText {
    /// RFC 5322 §2.1.1: lines should stay within 78 characters.
    static let foldWidth = 78
    /// RFC 2047 §2 allows 75 characters per encoded-word; 60 leaves room for the field name on the
    /// first line, so no line exceeds the fold width.
    static let maxEncodedWordLength = 60

    /// Replaces every control character (CR and LF above all) with a space and trims the result.
    public static func sanitized(_ value: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        for scalar in value.unicodeScalars {
            out.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}" ? " " : scalar)
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// One header line `Name: value`, sanitized, encoded when not ASCII, folded, ending in CRLF.
    public static func field(_ name: String, _ value: String) -> String {
        let clean = sanitized(value)
        let words = clean.unicodeScalars.allSatisfy(\.isASCII) ? asciiWords(clean) : encodedWords(clean)
        return fold(name: name, words: words)
    }

    /// An unstructured ASCII value split into words at spaces, for folding.
    private static func asciiWords(_ value: String) -> [String] {
        value.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
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
