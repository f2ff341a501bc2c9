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
    /// The fields the header rules look at, in message order, each with the index of its name in
    /// the classifier's list of wanted names and its value in ASCII lower case: one pass over the
    /// header for all header rules, each value lowered once.
    let wantedFields: [(name: Int, value: String, lowered: [UInt8])]
    /// Subject, sender and content types in ASCII lower case, folded once for all field rules.
    let loweredSubject: [UInt8]
    let loweredFrom: [UInt8]
    let loweredContentTypes: [UInt8]

    init(_ message: borrowing ParsedMessage, needsQuoted: Bool, wantedHeaders: [[UInt8]]) {
        rawSubject = message.subject ?? ""
        loweredSubject = Self.lowered(rawSubject)
        subject = TokenizedText(utf8: Self.strippingPrefixes(Array(rawSubject.utf8), lowered: loweredSubject))
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
        wantedFields = Self.fields(message.headers, named: wantedHeaders)
        loweredFrom = Self.lowered(from)
        loweredContentTypes = Self.lowered(contentTypes)
    }

    /// The UTF-8 of `text` with ASCII capitals lowered (what `contains`/`starts` rules compare with).
    static func lowered(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        for index in bytes.indices where bytes[index] &- 0x41 < 26 { bytes[index] += 0x20 }
        return bytes
    }

    /// The fields whose name is one of `names` (ASCII case-insensitive; lengths are compared first,
    /// so most pairs are passed over after one comparison).
    private static func fields(_ headers: [HeaderField], named names: [[UInt8]]) -> [(name: Int, value: String, lowered: [UInt8])] {
        var found: [(name: Int, value: String, lowered: [UInt8])] = []
        for field in headers {
            let name = field.name.utf8
            let count = name.count
            for (index, wanted) in names.enumerated() where wanted.count == count
                && zip(name, wanted).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                found.append((index, field.value, lowered(field.value)))
                break
            }
        }
        return found
    }

    private static let subjectPrefixBytes = subjectPrefixes.map { Array($0.utf8) }
    /// The prefixes of answers (not forwards), lower case.
    private static let replyPrefixBytes = ["re:", "aw:", "antw:", "antwort:", "sv:", "vs:", "r:"].map { Array($0.utf8) }

    /// Whether the lower-cased subject starts with a reply prefix, blanks skipped.
    static func hasReplyPrefix(_ lowered: [UInt8]) -> Bool {
        var start = 0
        while start < lowered.count, lowered[start] == 0x20 || lowered[start] == 0x09 { start += 1 }
        return replyPrefixBytes.contains { prefix in
            lowered.count - start >= prefix.count && lowered[start..<(start + prefix.count)].elementsEqual(prefix)
        }
    }

    /// "AW: RE: Fwd: [Ticket#12] Hilfe" → "[Ticket#12] Hilfe", on UTF-8 (`lowered` is `bytes` in
    /// ASCII lower case).
    static func strippingPrefixes(_ bytes: [UInt8], lowered: [UInt8]) -> [UInt8] {
        var start = 0
        var changed = true
        while changed {
            changed = false
            while start < lowered.count, lowered[start] == 0x20 || lowered[start] == 0x09 { start += 1 }
            for prefix in subjectPrefixBytes where lowered.count - start >= prefix.count
                && lowered[start..<(start + prefix.count)].elementsEqual(prefix) {
                start += prefix.count
                changed = true
                break
            }
        }
        return start == 0 ? bytes : Array(bytes[start...])
    }
}
