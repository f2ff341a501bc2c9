/// A word pattern from the rules file, matched against folded words of one sentence.
///
/// Syntax (terms separated by spaces):
/// - `stoerung` a whole word; `stoer*` a word starting so (stems, inflections, compound heads);
///   `*server` a word ending so; `*server*` a word containing it (compound tails);
/// - `a|b|c` any of the alternatives;
/// - `..` up to `maximumGap` other words;
/// - `<num>` a number of at least `minimumNumberDigits` digits (captured, e.g. a ticket number);
/// - `<day>` a number of at most `maximumDayDigits` digits (a day, month or hour: "bis 14.07."),
///   also as an English ordinal ("until the 9th").
/// A term also matches a compound written apart: `mailserver` matches "Mail-Server" and "mail server".
struct PhrasePattern: Sendable {
    enum TermKind: Sendable { case exact, prefix, suffix, contains, number, day }

    struct Alternative: Sendable {
        var kind: TermKind
        var bytes: [UInt8]
    }

    enum Element: Sendable {
        case term([Alternative])
        case gap
    }

    /// How many words `..` may skip.
    static let maximumGap = 6
    /// How many written-apart words one compound term may span ("e mail adresse").
    static let maximumCompoundParts = 3
    static let minimumNumberDigits = 3
    static let maximumDayDigits = 2
    /// How many letters of a later word a stem spanning written-apart words must cover.
    static let minimumCompoundTail = 3

    let source: String
    let elements: [Element]
    /// `PatternProgram.firstByteMask` of the first term: words that cannot start a match are
    /// passed over without trying the pattern.
    let leadingBytes: UInt64

    init(source: String, elements: [Element]) {
        self.source = source
        self.elements = elements
        if case .term(let alternatives) = elements.first {
            leadingBytes = PatternProgram.firstByteMask(alternatives)
        } else {
            leadingBytes = ~0
        }
    }

    /// English ordinal endings a `<day>` may carry ("the 9th", "21st").
    static let ordinalEndings: [(UInt8, UInt8)] = [(0x73, 0x74), (0x6E, 0x64), (0x72, 0x64), (0x74, 0x68)]

    /// Whether a folded word is a `<day>`: one or two digits, optionally with an English ordinal ending.
    @inline(__always)
    static func isDay<Word: RandomAccessCollection>(_ word: Word) -> Bool where Word.Element == UInt8, Word.Index == Int {
        var digits = 0
        var index = word.startIndex
        while index < word.endIndex, word[index] &- 0x30 < 10 { digits += 1; index += 1 }
        guard digits >= 1, digits <= maximumDayDigits else { return false }
        if index == word.endIndex { return true }
        guard word.endIndex - index == 2 else { return false }
        let ending = (word[index], word[index + 1])
        return ordinalEndings.contains { $0 == ending }
    }

    /// Parses `source`; returns a message describing the problem when it is not a valid pattern.
    /// Reads UTF-8 bytes rather than Characters: a rules file has thousands of terms, and grapheme
    /// breaking made parsing them the costliest step of starting the classifier.
    static func parse(_ source: String) -> Result<PhrasePattern, PatternError> {
        var elements: [Element] = []
        let star = UInt8(ascii: "*")
        for word in Array(source.utf8).split(separator: UInt8(ascii: " ")) {
            if word.elementsEqual("..".utf8) {
                guard !elements.isEmpty else { return .failure(PatternError("'..' cannot start a pattern")) }
                elements.append(.gap)
                continue
            }
            var alternatives: [Alternative] = []
            for alternative in word.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false) {
                if alternative.elementsEqual("<num>".utf8) || alternative.elementsEqual("<day>".utf8) {
                    alternatives.append(Alternative(kind: alternative.elementsEqual("<num>".utf8) ? .number : .day, bytes: []))
                    continue
                }
                let leading = alternative.first == star
                let trailing = alternative.last == star && alternative.count > 1
                let bytes = TextFolding.foldedTerm(String(decoding: alternative.filter { $0 != star }, as: UTF8.self).unicodeScalars)
                guard !bytes.isEmpty else {
                    return .failure(PatternError("empty term in '\(String(decoding: word, as: UTF8.self))'"))
                }
                let kind: TermKind = leading ? (trailing ? .contains : .suffix) : (trailing ? .prefix : .exact)
                alternatives.append(Alternative(kind: kind, bytes: bytes))
            }
            elements.append(.term(alternatives))
        }
        guard !elements.isEmpty else { return .failure(PatternError("empty pattern")) }
        if case .gap = elements[elements.count - 1] { return .failure(PatternError("'..' cannot end a pattern")) }
        if let misreading = AlternationLint.misreading(elements) { return .failure(PatternError(misreading)) }
        return .success(PhrasePattern(source: source, elements: elements))
    }
}

/// Why a pattern could not be read.
struct PatternError: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
