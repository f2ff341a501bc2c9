/// Reads the mailboxes of an address header (RFC 5322 §3.4), groups flattened.
///
/// Follows what Python's `email` policy.default makes of real-world headers: comments are never
/// a name (`a@b (Joe)` has the name ""), group names are dropped, a route in an angle-addr is
/// ignored (obs-route), a missing "@" leaves the local part as the address, a missing ">" or
/// trailing garbage after the angle-addr is tolerated, and words before an "@" without angle
/// brackets form one quoted local part.
enum AddressListParser {
    typealias Token = HeaderTokenizer.Token

    static func parse(_ value: [UInt8], defects: inout [ParseDefect]) -> [Mailbox] {
        // 7-bit bytes are their own UTF-8; only 8-bit headers need the UTF-8/windows-1252 guess.
        let tokens = HeaderTokenizer.tokens(ASCII.isSevenBit(value) ? value : Array(CharsetDecoder.guess(value).utf8))
        var mailboxes: [Mailbox] = []
        var index = 0
        var inGroup = false
        while index < tokens.count, mailboxes.count < ParseLimits.maxAddressesPerHeader {
            let phraseStart = index
            while index < tokens.count, !isStop(tokens[index]) { index += 1 }
            let phrase = tokens[phraseStart..<index]
            guard index < tokens.count else {
                if !phrase.isEmpty { mailboxes.append(bareLocalPart(phrase, defects: &defects)) }
                break
            }
            switch tokens[index].kind {
            case .special(UInt8(ascii: "<")):
                let (address, end) = angleAddress(tokens, from: index + 1)
                mailboxes.append(Mailbox(name: displayName(phrase, defects: &defects), address: address))
                index = skipToSeparator(tokens, from: end, defects: &defects)
            case .special(UInt8(ascii: ":")):
                inGroup = true
                index += 1
            case .special(UInt8(ascii: ";")) where !inGroup:
                // A ";" outside a group is junk up to the next "," (Python drops it the same way).
                if !phrase.isEmpty { mailboxes.append(bareLocalPart(phrase, defects: &defects)) }
                index += 1
                while index < tokens.count, tokens[index].kind != .special(UInt8(ascii: ",")) { index += 1 }
                defects.append(ParseDefect(kind: DefectKind.address, detail: "';' outside a group; rest up to ',' ignored"))
            case .special(UInt8(ascii: ";")):
                inGroup = false
                if !phrase.isEmpty { mailboxes.append(bareLocalPart(phrase, defects: &defects)) }
                index += 1
            case .special(UInt8(ascii: "@")):
                var end = index + 1
                while end < tokens.count, !isSeparator(tokens[end]), tokens[end].kind != .special(UInt8(ascii: "<")) {
                    end += 1
                }
                let address = addrSpec(local: phrase, domain: tokens[(index + 1)..<end])
                mailboxes.append(Mailbox(name: "", address: address))
                index = skipToSeparator(tokens, from: end, defects: &defects)
            default:
                if !phrase.isEmpty { mailboxes.append(bareLocalPart(phrase, defects: &defects)) }
                index += 1
            }
        }
        return mailboxes
    }

    private static func isStop(_ token: Token) -> Bool {
        switch token.kind {
        case .special(let byte): return "<:,;@".utf8.contains(byte)
        default: return false
        }
    }

    private static func isSeparator(_ token: Token) -> Bool {
        token.kind == .special(UInt8(ascii: ",")) || token.kind == .special(UInt8(ascii: ";"))
    }

    /// RFC 5322 §3.4: `angle-addr = [CFWS] "<" addr-spec ">" [CFWS]`, with §4.4 obs-route
    /// (`<@relay:local@domain>`) reduced to the addr-spec. Returns the address and the index after ">".
    private static func angleAddress(_ tokens: [Token], from start: Int) -> (String, Int) {
        var end = start
        while end < tokens.count, tokens[end].kind != .special(UInt8(ascii: ">")) { end += 1 }
        var inner = tokens[start..<end]
        if let colon = inner.lastIndex(where: { $0.kind == .special(UInt8(ascii: ":")) }) {
            inner = inner[(colon + 1)...]
        }
        guard let at = inner.lastIndex(where: { $0.kind == .special(UInt8(ascii: "@")) }) else {
            // RFC 5321 §4.5.5: the null reverse-path `<>` of bounces stays visible as "<>" (as in Python).
            let address = inner.isEmpty ? "<>" : render(inner, spacing: .none)
            return (address, min(end + 1, tokens.count))
        }
        let address = addrSpec(local: inner[inner.startIndex..<at], domain: inner[(at + 1)...])
        return (address, min(end + 1, tokens.count))
    }

    /// Skips what follows a mailbox up to the next "," or ";" (reporting garbage).
    private static func skipToSeparator(_ tokens: [Token], from start: Int, defects: inout [ParseDefect]) -> Int {
        var index = start
        while index < tokens.count, !isSeparator(tokens[index]) { index += 1 }
        if index > start {
            defects.append(ParseDefect(kind: DefectKind.address, detail: "text after an address ignored"))
        }
        return index
    }

    /// A phrase without "@" and angle brackets: the address is the local part alone.
    private static func bareLocalPart(_ phrase: ArraySlice<Token>, defects: inout [ParseDefect]) -> Mailbox {
        defects.append(ParseDefect(kind: DefectKind.address, detail: "address without '@'"))
        return Mailbox(name: "", address: localPart(phrase))
    }

    /// RFC 5322 §3.4.1 `local-part`: a dot-atom stays as written; anything else (several words,
    /// a quoted-string needing quotes) becomes one quoted-string, as Python renders it.
    private static func localPart(_ tokens: ArraySlice<Token>) -> String {
        String(decoding: localPartBytes(tokens), as: UTF8.self)
    }

    private static func localPartBytes(_ tokens: ArraySlice<Token>) -> [UInt8] {
        let plain = renderedBytes(tokens, spacing: .betweenWords)
        let isDotAtom = plain.allSatisfy { byte in
            byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                || "!#$%&'*+-/=?^_`{|}~.".utf8.contains(byte)
        }
        if isDotAtom { return plain }
        var quoted: [UInt8] = [ASCII.quote]
        quoted.reserveCapacity(plain.count + 8)
        for byte in plain {
            if byte == ASCII.backslash || byte == ASCII.quote { quoted.append(ASCII.backslash) }
            quoted.append(byte)
        }
        quoted.append(ASCII.quote)
        return quoted
    }

    /// `local@domain` as one string, built as bytes (no intermediate strings).
    private static func addrSpec(local: ArraySlice<Token>, domain: ArraySlice<Token>) -> String {
        var bytes = localPartBytes(local)
        bytes.append(UInt8(ascii: "@"))
        bytes.append(contentsOf: renderedBytes(domain, spacing: .none))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// RFC 5322 §3.2.5 `display-name = phrase`: words joined by single spaces, quoted-strings
    /// unquoted, RFC 2047 encoded-words decoded (also inside quotes, as Python does).
    private static func displayName(_ phrase: ArraySlice<Token>, defects: inout [ParseDefect]) -> String {
        let rendered = renderedBytes(phrase, spacing: .phrase)
        guard EncodedWordDecoder.containsMarker(rendered) else { return String(decoding: rendered, as: UTF8.self) }
        return EncodedWordDecoder.decode(rendered, defects: &defects)
    }

    private enum Spacing {
        /// No spaces at all (domains, angle-addr contents).
        case none
        /// A space where CFWS separated two words, but never around "." (obs-local-part).
        case betweenWords
        /// A space where CFWS separated two tokens (obs-phrase keeps "Q. Public").
        case phrase
    }

    /// The tokens as text, spaced as `spacing` says.
    private static func render(_ tokens: ArraySlice<Token>, spacing: Spacing) -> String {
        String(decoding: renderedBytes(tokens, spacing: spacing), as: UTF8.self)
    }

    private static func renderedBytes(_ tokens: ArraySlice<Token>, spacing: Spacing) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        var previousWasDot = false
        for token in tokens {
            let isDot = token.kind == .special(UInt8(ascii: "."))
            let wantsSpace: Bool
            switch spacing {
            case .none: wantsSpace = false
            case .betweenWords: wantsSpace = !isDot && !previousWasDot
            case .phrase: wantsSpace = !isDot
            }
            if wantsSpace, token.spaceBefore, !bytes.isEmpty { bytes.append(ASCII.space) }
            bytes.append(contentsOf: token.bytes)
            previousWasDot = isDot
        }
        return bytes
    }
}
