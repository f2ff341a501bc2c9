import MailCore

/// The parts of a parsed message the rules look at, prepared once per mail.
struct MessageFeatures {
    /// Reply and forward prefixes in German and English mail clients, lower case with their colon.
    static let subjectPrefixes = ["re:", "aw:", "wg:", "fwd:", "fw:", "antw:", "antwort:", "tr:", "sv:", "vs:", "wtr:", "r:"]

    let rawSubject: String
    let subject: TokenizedText
    let ownWords: OwnWords
    let body: TokenizedText
    let quoted: TokenizedText?
    let from: String
    let contentTypes: String
    /// The message's header fields (looked up by the few header rules).
    let headers: [HeaderField]
    /// Subject, sender and content types in ASCII lower case, folded once for all field rules.
    let loweredSubject: [UInt8]
    let loweredFrom: [UInt8]
    let loweredContentTypes: [UInt8]

    init(_ message: ParsedMessage, needsQuoted: Bool) {
        rawSubject = message.subject ?? ""
        subject = TokenizedText(Self.strippingPrefixes(rawSubject))
        ownWords = OwnWords(message.bodyText)
        // The body's sentences are numbered after the subject's so the two never run together.
        body = TokenizedText(utf8: ownWords.textUTF8, firstSentence: (subject.tokens.last?.sentence ?? 0) + 1)
        quoted = needsQuoted ? TokenizedText(utf8: ownWords.quotedUTF8) : nil
        if let sender = message.from.first {
            from = (sender.name.isEmpty ? "<\(sender.address)>" : "\(sender.name) <\(sender.address)>").lowercased()
        } else {
            from = message.header("From")?.lowercased() ?? ""
        }
        contentTypes = ([message.contentType] + message.partContentTypes).joined(separator: " ")
        headers = message.headers
        loweredSubject = Self.lowered(rawSubject)
        loweredFrom = Self.lowered(from)
        loweredContentTypes = Self.lowered(contentTypes)
    }

    /// The UTF-8 of `text` with ASCII capitals lowered (what `contains`/`starts` rules compare with).
    static func lowered(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        for index in bytes.indices where bytes[index] &- 0x41 < 26 { bytes[index] += 0x20 }
        return bytes
    }

    /// Every value of header `name` (ASCII case-insensitive; lengths are compared first, so most
    /// fields are passed over after one comparison).
    func headerValues(_ name: String) -> [String] {
        let wanted = Array(name.utf8)
        var values: [String] = []
        for field in headers where field.name.utf8.count == wanted.count {
            if zip(field.name.utf8, wanted).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) { values.append(field.value) }
        }
        return values
    }

    /// "AW: RE: Fwd: [Ticket#12] Hilfe" → "[Ticket#12] Hilfe".
    static func strippingPrefixes(_ subject: String) -> String {
        var rest = Substring(subject)
        var changed = true
        while changed {
            changed = false
            rest = rest.drop { $0 == " " || $0 == "\t" }
            let lower = rest.prefix(10).lowercased()
            if let prefix = subjectPrefixes.first(where: { lower.hasPrefix($0) }) {
                rest = rest.dropFirst(prefix.count)
                changed = true
            }
        }
        return String(rest)
    }
}
