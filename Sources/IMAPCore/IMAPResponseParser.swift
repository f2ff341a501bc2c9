/// The incremental response parser: feed it bytes as they arrive, in any split, and take out
/// complete responses. Literals are framed by their announced length, never by looking at their
/// content, so message bodies cannot inject responses.
///
/// Known responses that do not follow the grammar throw `IMAPParseError` (the connection must be
/// dropped); unknown response names come out as `.untagged(.other)` so that extensions pass.
public struct IMAPResponseParser {
    private var framer: ResponseFramer
    public let limits: IMAPLimits

    /// - Parameter literalRetentionLimit: literal bytes beyond this are read but dropped; a
    ///   message bigger than what the caller wants to keep then costs no memory.
    public init(limits: IMAPLimits = IMAPLimits(), literalRetentionLimit: Int = .max) {
        self.limits = limits
        framer = ResponseFramer(limits: limits, literalRetentionLimit: literalRetentionLimit)
    }

    public var literalRetentionLimit: Int {
        get { framer.literalRetentionLimit }
        set { framer.literalRetentionLimit = newValue }
    }

    /// True while bytes of an incomplete response are buffered.
    public var hasPartialResponse: Bool { framer.hasPartialResponse }

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        framer.append(bytes)
    }

    /// The next complete response, or nil when more bytes are needed.
    public mutating func next() throws -> IMAPResponse? {
        guard let frame = try framer.nextFrame() else { return nil }
        var cursor = FrameCursor(frame, limits: limits)
        return try Self.response(&cursor)
    }

    /// `response = *(continue-req / response-data) response-done` (RFC 9051 §9), one at a time.
    static func response(_ cursor: inout FrameCursor) throws -> IMAPResponse {
        if cursor.consume(UInt8(ascii: "+")) {
            cursor.skipSpaces()
            return .continuation(cursor.rest())
        }
        if cursor.consume(UInt8(ascii: "*")) {
            try cursor.space()
            return .untagged(try untagged(&cursor))
        }
        let tag = try cursor.atom(allowBracket: true)
        try cursor.space()
        let word = try cursor.atom().uppercased()
        guard let condition = ResponseCondition(rawValue: word), [.ok, .no, .bad].contains(condition) else {
            throw cursor.error("OK, NO or BAD after the tag")
        }
        return .tagged(TaggedResponse(tag: tag, condition: condition, text: try responseText(&cursor)))
    }

    /// `resp-text = ["[" resp-text-code "]" SP] text`; a missing text is tolerated.
    static func responseText(_ cursor: inout FrameCursor) throws -> ResponseText {
        cursor.skipSpaces()
        var code: ResponseCode?
        if cursor.consume(UInt8(ascii: "[")) {
            code = try responseCode(&cursor)
            try cursor.expect("]")
            cursor.skipSpaces()
        }
        return ResponseText(code: code, text: cursor.rest())
    }

    /// `resp-text-code`: known codes are read into values; a known code with a malformed argument
    /// falls back to `.other` with the raw argument rather than failing the whole response.
    static func responseCode(_ cursor: inout FrameCursor) throws -> ResponseCode {
        let name = try cursor.atom().uppercased()
        let afterName = cursor
        if let code = try? knownCode(name, &cursor), cursor.peek == UInt8(ascii: "]") { return code }
        cursor = afterName
        cursor.skipSpaces()
        return .other(name: name, argument: cursor.bytes(upTo: UInt8(ascii: "]")))
    }

    private static func knownCode(_ name: String, _ cursor: inout FrameCursor) throws -> ResponseCode? {
        switch name {
        case "UIDVALIDITY": try cursor.space(); return .uidValidity(try cursor.uid())
        case "UIDNEXT": try cursor.space(); return .uidNext(try cursor.uid())
        case "PERMANENTFLAGS": try cursor.space(); return .permanentFlags(try cursor.atomList())
        case "READ-WRITE": return .readWrite
        case "READ-ONLY": return .readOnly
        case "TRYCREATE": return .tryCreate
        case "ALREADYEXISTS": return .alreadyExists
        case "NONEXISTENT": return .nonExistent
        case "CAPABILITY":
            return .capability(cursor.bytes(upTo: UInt8(ascii: "]")).split(separator: " ").map(String.init))
        case "COPYUID":
            try cursor.space()
            let validity = try cursor.uid()
            try cursor.space()
            guard let source = SequenceSet.parse(try cursor.atom()) else { return nil }
            try cursor.space()
            guard let destination = SequenceSet.parse(try cursor.atom()) else { return nil }
            return .copyUID(uidValidity: validity, source: source, destination: destination)
        default: return nil
        }
    }
}
