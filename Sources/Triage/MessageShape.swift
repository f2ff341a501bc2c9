internal import Glibc

/// Facts about a mail's form rather than its words, for combination rules (`all_of`/`none_of` in
/// rules.json): an auto-reply asks nothing and answers a subject; a person asks.
enum MessageShape: String, Sendable, CaseIterable {
    /// The own words contain a question mark that ends a question (not the "?" of a URL query).
    case question
    /// The subject starts with a reply prefix ("Re:", "AW:"): an answer to a mail, perhaps ours.
    case replySubject = "reply_subject"

    /// How rules.json names a shape in `all_of`/`none_of`: "shape:question".
    static let prefix = "shape:"

    init?(reference: String) {
        guard reference.hasPrefix(Self.prefix) else { return nil }
        self.init(rawValue: String(reference.dropFirst(Self.prefix.count)))
    }

    /// Where the shape's value is kept among `allCases` (a switch: `allCases` builds an array).
    var position: Int {
        switch self {
        case .question: return 0
        case .replySubject: return 1
        }
    }

    /// Whether the mail has this shape.
    func holds(_ features: MessageFeatures) -> Bool {
        switch self {
        case .question: return Self.asksQuestion(features.body.original)
        case .replySubject: return MessageFeatures.hasReplyPrefix(features.loweredSubject)
        }
    }

    /// A "?" followed by neither a letter nor a digit ("…helfen?", "geht das?)"), so that
    /// "index.php?id=4" is no question.
    static func asksQuestion(_ utf8: [UInt8]) -> Bool {
        utf8.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return false }
            var start = 0
            // memchr: most mails have no question mark, and the scan runs on every mail.
            while start < bytes.count, let found = memchr(base + start, 0x3F, bytes.count - start) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard index + 1 < bytes.count else { return true }
                let next = bytes[index + 1]
                let alphanumeric = next &- 0x30 < 10 || (next | 0x20) &- 0x61 < 26 || next >= 0x80
                if !alphanumeric { return true }
                start = index + 1
            }
            return false
        }
    }
}
