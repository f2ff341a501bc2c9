/// Reads tokens from a `ResponseFrame`. Each method is named after the RFC 9051 §9 rule it
/// reads. Tolerated deviations: several spaces where one is required, lower-case keywords.
struct FrameCursor {
    let text: [UInt8]
    private(set) var index = 0
    private var literals: ArraySlice<IMAPLiteral>
    let limits: IMAPLimits

    init(_ frame: ResponseFrame, limits: IMAPLimits) {
        text = frame.text
        literals = frame.literals[...]
        self.limits = limits
    }

    var isAtEnd: Bool { index >= text.count }
    var peek: UInt8? { index < text.count ? text[index] : nil }

    func error(_ expected: String) -> IMAPParseError {
        IMAPParseError(.syntax(expected: expected), excerpt: IMAPParseError.excerpt(of: text))
    }

    mutating func skipSpaces() {
        while peek == UInt8(ascii: " ") { index += 1 }
    }

    /// SP, tolerating several.
    mutating func space() throws {
        guard peek == UInt8(ascii: " ") else { throw error("a space") }
        skipSpaces()
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    mutating func expect(_ character: Character) throws {
        guard let ascii = character.asciiValue, consume(ascii) else { throw error("'\(character)'") }
    }

    /// `ATOM-CHAR`: anything but specials, CTL and space; `]` only when `allowBracket`.
    static func isAtomChar(_ byte: UInt8, allowBracket: Bool) -> Bool {
        switch byte {
        case 0..<0x21, 0x7F, UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "\""),
             UInt8(ascii: "%"), UInt8(ascii: "*"), UInt8(ascii: "\\"), UInt8(ascii: "["):
            false
        case UInt8(ascii: "]"): allowBracket
        default: true
        }
    }

    /// `atom`, also accepting a leading `\` (flags, `\Seen`) and `*` (`\*` in PERMANENTFLAGS).
    mutating func atom(allowBracket: Bool = false) throws -> String {
        let start = index
        if peek == UInt8(ascii: "\\") { index += 1 }
        while let byte = peek, Self.isAtomChar(byte, allowBracket: allowBracket) || byte == UInt8(ascii: "*") { index += 1 }
        guard index > start else { throw error("an atom") }
        return String(decoding: text[start..<index], as: UTF8.self)
    }

    /// `number` (up to 63 bits; RFC 9051 numbers fit 32 bits, `number64` 63).
    mutating func number() throws -> Int {
        let start = index
        var value = 0
        let maxDigits = 18
        while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), index - start < maxDigits {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            index += 1
        }
        guard index > start else { throw error("a number") }
        return value
    }

    mutating func uid() throws -> UInt32 {
        guard let value = UInt32(exactly: try number()) else { throw error("a 32-bit number") }
        return value
    }

    /// `nstring`: NIL, a quoted string or a literal.
    mutating func nstring() throws -> IMAPLiteral? {
        if peek == UInt8(ascii: "\"") { return try quoted() }
        if peek == UInt8(ascii: "{") || peek == UInt8(ascii: "~") { return try literal() }
        let word = try atom()
        guard word.uppercased() == "NIL" else { throw error("NIL, a string or a literal") }
        return nil
    }

    /// `astring`: an atom (with `]`) or a string.
    mutating func astring() throws -> String {
        if peek == UInt8(ascii: "\"") || peek == UInt8(ascii: "{") || peek == UInt8(ascii: "~") {
            guard let value = try nstring() else { throw error("a string") }
            return String(decoding: value.bytes, as: UTF8.self)
        }
        return try atom(allowBracket: true)
    }

    /// `quoted`: `"…"` with `\"` and `\\` escapes.
    mutating func quoted() throws -> IMAPLiteral {
        try expect("\"")
        var bytes: [UInt8] = []
        while let byte = peek {
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return IMAPLiteral(bytes: bytes, size: bytes.count)
            case UInt8(ascii: "\\"):
                guard let escaped = peek else { throw error("an escaped character") }
                bytes.append(escaped)
                index += 1
            default: bytes.append(byte)
            }
        }
        throw error("a closing quote")
    }

    /// `literal`: `{n}` (or `{n+}`, `~{n}`) at the end of a line; its bytes come from the frame.
    mutating func literal() throws -> IMAPLiteral {
        _ = consume(UInt8(ascii: "~"))
        try expect("{")
        while let byte = peek, byte != UInt8(ascii: "}") { index += 1 }
        try expect("}")
        guard let literal = literals.popFirst() else { throw error("literal data") }
        return literal
    }

    /// The rest of the line as text (`text` in resp-text).
    mutating func rest() -> String {
        defer { index = text.count }
        return String(decoding: text[min(index, text.count)...], as: UTF8.self)
    }

    /// Reads up to (not including) `terminator`, e.g. the argument of a response code.
    mutating func bytes(upTo terminator: UInt8) -> String {
        let start = index
        while let byte = peek, byte != terminator { index += 1 }
        return String(decoding: text[start..<index], as: UTF8.self)
    }

    /// `"(" [atom *(SP atom)] ")"`: flag lists and capability-like lists.
    mutating func atomList() throws -> [String] {
        try expect("(")
        var items: [String] = []
        skipSpaces()
        while !consume(UInt8(ascii: ")")) {
            items.append(try atom())
            skipSpaces()
        }
        return items
    }

    /// Skips one value of any shape (atom, number, string, literal, nested list, `BODY[…]<n>`),
    /// for FETCH items and extensions the client does not use.
    mutating func skipValue(depth: Int = 0) throws {
        guard depth < limits.maxNestingDepth else {
            throw IMAPParseError(.nestingTooDeep(limit: limits.maxNestingDepth), excerpt: IMAPParseError.excerpt(of: text))
        }
        switch peek {
        case UInt8(ascii: "("):
            index += 1
            skipSpaces()
            while !consume(UInt8(ascii: ")")) {
                try skipValue(depth: depth + 1)
                skipSpaces()
            }
        case UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "~"):
            _ = try nstring()
        default:
            _ = try atom(allowBracket: true)
            if consume(UInt8(ascii: "[")) {
                _ = bytes(upTo: UInt8(ascii: "]"))
                try expect("]")
            }
        }
    }
}
