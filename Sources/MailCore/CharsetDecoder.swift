internal import Glibc

/// Turns bytes in a declared charset into text, best effort (RFC 2045 §5.1, RFC 2046 §4.1.2).
///
/// Common aliases are normalised; `us-ascii` (and labels that mean "unknown") holding 8-bit bytes,
/// and charsets iconv does not know, are guessed: UTF-8 when the bytes are valid UTF-8, else
/// windows-1252. Bytes invalid in a known charset become U+FFFD.
enum CharsetDecoder {
    /// What a charset label resolves to.
    enum Resolved: Equatable {
        case guess
        case utf8
        case latin1
        case latin9
        case windows1252
        case iconv(String)
        /// A CJK charset whose label real mailers also use for its Microsoft superset: decoded
        /// strictly first (so invalid bytes resynchronise as Python's codecs do), and with the
        /// superset only when that reads the bytes without errors.
        case iconvWithSuperset(strict: String, superset: String)
    }

    /// Labels that say nothing reliable about 8-bit bytes.
    private static let guessLabels: Set<String> = [
        "", "us-ascii", "ascii", "us", "ansi_x3.4-1968", "iso646-us", "646", "x-unknown", "unknown",
        "unknown-8bit", "x-user-defined", "default", "none", "charset", "7bit", "8bit", "us_ascii",
    ]
    private static let utf8Labels: Set<String> = ["utf-8", "utf8", "utf_8", "unicode-1-1-utf-8", "x-unicode20utf8"]
    private static let latin1Labels: Set<String> = [
        "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "iso-ir-100", "cp819", "ibm819",
        "iso_8859-1:1987", "8859-1", "iso8859_1", "iso_8859_1",
    ]
    private static let latin9Labels: Set<String> = ["iso-8859-15", "iso8859-15", "iso_8859-15", "latin9", "latin-9", "l9"]
    private static let windows1252Labels: Set<String> = ["windows-1252", "cp1252", "x-cp1252", "cp-1252", "win-1252"]
    /// Labels iconv spells differently, or where a superset decodes more real-world mail.
    private static let iconvAliases: [String: String] = [
        "gbk": "GB18030", "cp936": "GB18030", "x-gbk": "GB18030",
        "ks_c_5601-1987": "CP949", "ks_c_5601": "CP949", "windows-31j": "CP932", "ms_kanji": "CP932",
        "utf-7": "UTF-7", "unicode-1-1-utf-7": "UTF-7", "x-unicode-2-0-utf-7": "UTF-7",
        "macintosh": "MACINTOSH", "x-mac-roman": "MACINTOSH", "mac": "MACINTOSH",
        "windows-874": "CP874", "tis-620": "TIS-620", "big5": "BIG5-HKSCS", "x-big5": "BIG5-HKSCS",
        "unicode": "UTF-16", "ucs-2": "UTF-16",
    ]

    /// Labels of strict CJK charsets that mailers also use for their supersets (GB2312 for GBK
    /// and GB18030, EUC-KR for CP949, Shift_JIS for CP932).
    private static let supersetAliases: [String: (strict: String, superset: String)] = [
        "gb2312": ("EUC-CN", "GB18030"), "euc-cn": ("EUC-CN", "GB18030"), "csgb2312": ("EUC-CN", "GB18030"),
        "gb_2312-80": ("EUC-CN", "GB18030"), "chinese": ("EUC-CN", "GB18030"),
        "euc-kr": ("EUC-KR", "CP949"), "korean": ("EUC-KR", "CP949"),
        "shift_jis": ("SHIFT_JIS", "CP932"), "shift-jis": ("SHIFT_JIS", "CP932"), "sjis": ("SHIFT_JIS", "CP932"),
        "x-sjis": ("SHIFT_JIS", "CP932"),
    ]

    /// Normalises a charset label: unquoted, lower-case, without an RFC 2231 `*language` suffix.
    static func resolve(_ label: String?) -> Resolved {
        guard let label else { return .guess }
        switch label {
        case "utf-8", "UTF-8": return .utf8
        case "us-ascii", "US-ASCII": return .guess
        case "iso-8859-1", "ISO-8859-1": return .latin1
        default: break
        }
        var name = label.utf8.allSatisfy { $0 < 0x80 }
            ? ASCII.lowercasedString(ASCII.trimmed(label.utf8, dropping: " \t\"'"))
            : label.trimmingWhitespaceAndQuotes().lowercased()
        if let star = name.firstIndex(of: "*") { name = String(name[..<star]) }
        if guessLabels.contains(name) { return .guess }
        if utf8Labels.contains(name) { return .utf8 }
        if latin1Labels.contains(name) { return .latin1 }
        if latin9Labels.contains(name) { return .latin9 }
        if windows1252Labels.contains(name) { return .windows1252 }
        if let alias = iconvAliases[name] { return .iconv(alias) }
        if let pair = supersetAliases[name] { return .iconvWithSuperset(strict: pair.strict, superset: pair.superset) }
        return .iconv(name.uppercased())
    }

    /// Decodes `bytes` declared as `charset`; the defect says what was guessed or replaced.
    static func decode<C: Collection>(_ bytes: C, charset: String?) -> (text: String, defect: ParseDefect?)
    where C.Element == UInt8 {
        decode(bytes, charset: charset, resolved: resolve(charset))
    }

    /// `decode(_:charset:)` with the label already resolved (callers that also needed the resolution).
    static func decode<C: Collection>(_ bytes: C, charset: String?, resolved: Resolved) -> (text: String, defect: ParseDefect?)
    where C.Element == UInt8 {
        switch resolved {
        case .guess:
            if ASCII.isSevenBit(bytes) { return (String(decoding: bytes, as: UTF8.self), nil) }
            let text = guess(bytes)
            return (text, ParseDefect(kind: DefectKind.mislabelledCharset,
                                      detail: "8-bit bytes labelled '\(charset ?? "us-ascii")', guessed"))
        case .utf8:
            if let text = validUTF8(bytes) { return (text, nil) }
            return (SingleByteCharset.windows1252(bytes),
                    ParseDefect(kind: DefectKind.mislabelledCharset, detail: "invalid UTF-8, read as windows-1252"))
        case .latin1:
            // WHATWG Encoding: browsers read "iso-8859-1" as windows-1252, because that is what
            // Outlook and others mean by it; C1 controls (0x80-0x9F) never occur in real text.
            return (SingleByteCharset.windows1252(bytes), nil)
        case .latin9:
            return (SingleByteCharset.latin9(bytes), nil)
        case .windows1252:
            return (SingleByteCharset.windows1252(bytes), nil)
        case .iconv(let name):
            if let (text, hadErrors) = IconvConverter.decode(bytes, from: name) {
                let defect = hadErrors
                    ? ParseDefect(kind: DefectKind.undecodableBytes, detail: "bytes invalid in \(name) replaced")
                    : nil
                return (text, defect)
            }
            return (guess(bytes), ParseDefect(kind: DefectKind.unknownCharset, detail: "'\(charset ?? name)', guessed"))
        case .iconvWithSuperset(let strict, let superset):
            guard let (text, hadErrors) = IconvConverter.decode(bytes, from: strict) else {
                return (guess(bytes), ParseDefect(kind: DefectKind.unknownCharset, detail: "'\(strict)', guessed"))
            }
            if !hadErrors { return (text, nil) }
            if let (wider, widerErrors) = IconvConverter.decode(bytes, from: superset), !widerErrors { return (wider, nil) }
            return (text, ParseDefect(kind: DefectKind.undecodableBytes, detail: "bytes invalid in \(strict) replaced"))
        }
    }

    /// Undeclared 8-bit text: UTF-8 if it is valid UTF-8 (RFC 6532), else windows-1252.
    static func guess<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        validUTF8(bytes) ?? SingleByteCharset.windows1252(bytes)
    }

    /// The bytes as a string if they are valid UTF-8, else nil. Same answer as
    /// `String(validating:as:)`, whose generic path costs a runtime metadata look-up per call
    /// (measured: a tenth of parsing a small message). Decoding with repair yields the input
    /// bytes unchanged exactly when the input is valid UTF-8.
    static func validUTF8<C: Collection>(_ bytes: C) -> String? where C.Element == UInt8 {
        var text = String(decoding: bytes, as: UTF8.self)
        let unchanged = text.withUTF8 { decoded in
            bytes.withContiguousStorageIfAvailable { original in
                guard decoded.count == original.count else { return false }
                guard let left = decoded.baseAddress, let right = original.baseAddress else { return true }
                return memcmp(left, right, decoded.count) == 0
            } ?? decoded.elementsEqual(bytes)
        }
        return unchanged ? text : nil
    }

    /// Whether the charset encodes ASCII as one byte per character (so CR/LF can be handled on bytes).
    static func isASCIICompatible(_ resolved: Resolved) -> Bool {
        guard case .iconv(let name) = resolved else { return true }
        return !(name.hasPrefix("UTF-16") || name.hasPrefix("UTF-32") || name.hasPrefix("UCS") || name == "UTF-7")
    }
}

extension String {
    /// The string without surrounding whitespace and double quotes.
    func trimmingWhitespaceAndQuotes() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" || first == "\"" || first == "'" {
            scalars = scalars.dropFirst()
        }
        while let last = scalars.last, last == " " || last == "\t" || last == "\"" || last == "'" {
            scalars = scalars.dropLast()
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
