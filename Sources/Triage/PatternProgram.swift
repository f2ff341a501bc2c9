/// Word patterns compiled into flat arrays of plain values. Each pattern is anchored on one of its
/// terms, the first unless a later one is much rarer ("ich .. gelöscht" waits for "gelöscht", not
/// for every "ich"), and bucketed by the anchor's first one or two bytes: scanning a mail touches no
/// reference counts and tries only the patterns whose anchor fits the word at hand (classification
/// must stay cheaper than parsing; the issue asks for 20,000 mails/s on one core).
struct PatternProgram: Sendable {
    struct Term: Sendable {
        /// The term's first eight bytes packed as a word's head is (`WordHeads`), and the mask of
        /// those it has (0 for terms without a fixed beginning): a word whose head disagrees is
        /// passed over without comparing bytes.
        var head: UInt64 = 0
        var headMask: UInt64 = 0
        var start: Int32
        var count: Int32
        var kind: PhrasePattern.TermKind
    }

    /// One bucket entry of `pairEntries`: the pattern entry and its anchor term's head, side by side
    /// so that walking a bucket reads one array (16 bytes an entry: the mask is kept as a shift).
    struct PairEntry: Sendable {
        var head: UInt64
        var entry: Int32
        /// `headMask` is `UInt64.max &>> maskShift`.
        var maskShift: UInt8
    }

    /// Where a match may start, seen from its anchor word: `nearest` to `farthest` words before it
    /// (both 0 for patterns anchored on their first term). `slot` numbers the patterns anchored
    /// later, for remembering per scan which starts were tried already.
    struct Anchor: Sendable {
        var nearest: Int32 = 0
        var farthest: Int32 = 0
        var slot: Int32 = -1
    }

    /// A gap, or a choice among `termCount` terms starting at `firstTerm`.
    struct Element: Sendable {
        var isGap: Bool
        var firstTerm: Int32
        var termCount: Int32
        /// Bit `code(b)` is set for every first byte `b` a word matching one of the terms can have
        /// (all bits when a term has no fixed beginning): most words are turned away with one test.
        var firstBytes: UInt64 = ~0
    }

    private(set) var termBytes: [UInt8] = []
    private(set) var terms: [Term] = []
    private(set) var elements: [Element] = []
    /// Pattern `i` is `elements[patternStarts[i]..<patternStarts[i + 1]]`.
    private(set) var patternStarts: [Int32] = [0]
    /// Patterns by the first three letters of an anchor term (hashed into `tripleBucketCount`
    /// buckets, compressed row storage), each with the term's first eight bytes to skip most attempts
    /// with one comparison...
    private(set) var tripleStarts: [Int32] = []
    private(set) var tripleEntries: [PairEntry] = []
    /// ...and by the two letters of a two-letter anchor term (`keyCount` buckets).
    private(set) var pairStarts: [Int32] = []
    private(set) var pairEntries: [PairEntry] = []
    /// Buckets of anchor terms by their first three letters: few enough for the first-level cache,
    /// enough that a word's bucket holds a handful of terms (by two letters, "ge" holds hundreds).
    static let tripleBucketBits = 12
    /// Patterns by the single byte of a one-letter first term (never a later anchor).
    private(set) var byteStarts: [Int32] = []
    private(set) var bytePatterns: [Int32] = []
    /// Patterns whose first term has no fixed beginning (suffix, contains, number) and no rarer
    /// term to anchor on: tried everywhere.
    private(set) var everywhere: [Int32] = []
    /// By pattern: where a match may start, seen from the anchor word.
    private(set) var anchors: [Anchor] = []
    /// How many patterns are anchored on a later term.
    private(set) var anchoredLater = 0
    /// For each pattern, the elements besides the anchor that need a word with one of a few beginnings:
    /// pattern `i` owns `requirements[requirementStarts[i]..<requirementStarts[i + 1]]`, each a range
    /// of `requirementKeys`. A pattern whose required words are absent from a text is never tried.
    private(set) var requirementStarts: [Int32] = [0]
    private(set) var requirements: [Range<Int32>] = []
    /// Three-letter keys (`tripleFlag` set) for alternatives of three or more letters, else two-letter keys.
    private(set) var requirementKeys: [UInt32] = []
    static let tripleFlag: UInt32 = 1 << 31
    /// Three-letter word beginnings are hashed into a table of 2^n bits per text, n growing with
    /// the text (about this many bits per word) between these bounds: a subject clears a few bytes,
    /// a long mail a few kilobytes.
    static let tripleBitsPerWord = 32
    static let minimumTripleTableBits = 9
    static let maximumTripleTableBits = 15

    var count: Int { patternStarts.count - 1 }

    /// Word beginnings are keyed by two six-bit letter codes: 4,096 buckets keep the tables in the
    /// first-level cache (a byte pair would need 65,536).
    static let keyCount = 1 << 12

    /// Letters and digits get their own code (1–36); other bytes (UTF-8 of rarer letters) share the
    /// rest (37–63). Computed rather than looked up: a static table costs a lazy-initialisation
    /// check on every use, and this runs for every word.
    @inline(__always)
    static func code(_ byte: UInt8) -> Int {
        let letter = byte &- UInt8(ascii: "a")
        if letter < 26 { return Int(letter) + 1 }
        let digit = byte &- UInt8(ascii: "0")
        if digit < 10 { return Int(digit) + 27 }
        return 37 + Int(byte % 27)
    }

    /// The bit of `byte` in `Element.firstBytes`.
    @inline(__always)
    static func firstByteBit(_ byte: UInt8) -> UInt64 { 1 << UInt64(code(byte)) }

    static func firstByteMask(_ alternatives: [PhrasePattern.Alternative]) -> UInt64 {
        var mask: UInt64 = 0
        for alternative in alternatives {
            switch alternative.kind {
            case .exact, .prefix:
                guard let first = alternative.bytes.first else { return ~0 }
                mask |= firstByteBit(first)
            case .number, .day:
                for digit in UInt8(ascii: "0")...UInt8(ascii: "9") { mask |= firstByteBit(digit) }
            case .suffix, .contains:
                return ~0
            }
        }
        return mask
    }

    @inline(__always)
    static func key(_ first: UInt8, _ second: UInt8) -> Int {
        code(first) << 6 | code(second)
    }

    @inline(__always)
    static func triple(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Int {
        key(first, second) << 6 | code(third)
    }

    /// An anchor term with this many alternatives or more is tried whole, everywhere (the bucket
    /// entry has eight bits for the alternative).
    static let alternativeLimit = 255

    init(_ patterns: [PhrasePattern]) {
        // Buckets by key as arrays (not dictionaries: thousands of terms, loaded on every start).
        var pairBuckets = [[PairEntry]](repeating: [], count: Self.keyCount)
        var tripleBuckets = [[PairEntry]](repeating: [], count: 1 << Self.tripleBucketBits)
        var byteBuckets = [[Int32]](repeating: [], count: 256)
        for (index, pattern) in patterns.enumerated() {
            for element in pattern.elements {
                switch element {
                case .gap:
                    elements.append(Element(isGap: true, firstTerm: 0, termCount: 0))
                case .term(let alternatives):
                    elements.append(Element(isGap: false, firstTerm: Int32(terms.count), termCount: Int32(alternatives.count),
                                            firstBytes: Self.firstByteMask(alternatives)))
                    for alternative in alternatives {
                        var term = Term(start: Int32(termBytes.count), count: Int32(alternative.bytes.count), kind: alternative.kind)
                        if alternative.kind == .exact || alternative.kind == .prefix {
                            (term.head, term.headMask) = Self.head(alternative.bytes)
                        }
                        terms.append(term)
                        termBytes += alternative.bytes
                    }
                }
            }
            patternStarts.append(Int32(elements.count))
            let anchor = PatternAnchor(pattern.elements)
            var reach = Anchor(nearest: Int32(anchor.nearest), farthest: Int32(anchor.farthest))
            if anchor.element > 0 {
                reach.slot = Int32(anchoredLater)
                anchoredLater += 1
            }
            anchors.append(reach)
            // The rarest required term first: most patterns tried are turned away by it.
            var required: [(cost: Double, alternatives: [PhrasePattern.Alternative])] = []
            for (position, element) in pattern.elements.enumerated() where position != anchor.element {
                guard case .term(let alternatives) = element,
                      alternatives.allSatisfy({ ($0.kind == .exact || $0.kind == .prefix) && $0.bytes.count >= 2 }),
                      let cost = PatternAnchor.cost(alternatives, first: false) else { continue }
                required.append((cost, alternatives))
            }
            for (_, alternatives) in required.sorted(by: { $0.cost < $1.cost }) {
                let start = Int32(requirementKeys.count)
                requirementKeys += Set(alternatives.map { alternative -> UInt32 in
                    let bytes = alternative.bytes
                    return bytes.count >= 3 ? Self.tripleFlag | UInt32(Self.triple(bytes[0], bytes[1], bytes[2]))
                        : UInt32(Self.key(bytes[0], bytes[1]))
                })
                requirements.append(start..<Int32(requirementKeys.count))
            }
            requirementStarts.append(Int32(requirements.count))
            guard case .term(let anchorTerm) = pattern.elements[anchor.element] else { continue }
            // Bucket entries name the pattern and, for a first-term anchor, which alternative fits
            // the bucket, so an attempt tries that alternative only: `pattern << 8 | alternative + 1`
            // (0 = all).
            var pairs: [(key: Int, isTriple: Bool, entry: PairEntry)] = []
            var singles: [(byte: Int, entry: Int32)] = []
            var anywhere = anchorTerm.count >= Self.alternativeLimit
            for (position, alternative) in anchorTerm.enumerated() {
                let entry = Int32(index) << 8 | (anchor.element == 0 ? Int32(position + 1) : 0)
                switch alternative.kind {
                case .exact, .prefix:
                    if alternative.bytes.count >= 2 {
                        let bytes = alternative.bytes
                        let pair = PairEntry(head: Self.head(bytes).head, entry: entry, maskShift: UInt8(64 - 8 * min(bytes.count, 8)))
                        if bytes.count >= 3 {
                            pairs.append((Self.tripleBucket(bytes[0], bytes[1], bytes[2]), true, pair))
                        } else {
                            pairs.append((Self.key(bytes[0], bytes[1]), false, pair))
                        }
                    } else if let byte = alternative.bytes.first {
                        singles.append((Int(byte), entry))
                    }
                case .suffix, .contains, .number, .day:
                    anywhere = true
                }
            }
            if anywhere {
                everywhere.append(Int32(index) << 8)
            } else {
                for pair in pairs {
                    if pair.isTriple {
                        tripleBuckets[pair.key].append(pair.entry)
                    } else {
                        pairBuckets[pair.key].append(pair.entry)
                    }
                }
                for single in singles { byteBuckets[single.byte].append(single.entry) }
            }
        }
        (pairStarts, pairEntries) = Self.compress(pairBuckets)
        (tripleStarts, tripleEntries) = Self.compress(tripleBuckets)
        (byteStarts, bytePatterns) = Self.compress(byteBuckets)
    }

    /// Up to the first eight bytes of `bytes`, packed as `WordHeads` packs a word, and the mask of
    /// the bytes present.
    static func head(_ bytes: [UInt8]) -> (head: UInt64, mask: UInt64) {
        var head: UInt64 = 0
        var mask: UInt64 = 0
        for (position, byte) in bytes.prefix(8).enumerated() {
            head |= UInt64(byte) << UInt64(8 * position)
            mask |= 0xFF << UInt64(8 * position)
        }
        return (head, mask)
    }

    /// The bucket of anchor terms starting with these three bytes.
    @inline(__always)
    static func tripleBucket(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Int {
        tripleSlot(triple(first, second, third), tableBits: tripleBucketBits)
    }

    /// Where a `triple` falls in a table of 2^`tableBits` bits (multiplicative hashing: all three
    /// letters count).
    @inline(__always)
    static func tripleSlot(_ triple: Int, tableBits: Int) -> Int {
        Int((UInt32(truncatingIfNeeded: triple) &* 0x9E37_79B1) >> UInt32(32 - tableBits))
    }

    /// Buckets as compressed rows: bucket `k` is `flat[starts[k]..<starts[k + 1]]`.
    private static func compress<Entry>(_ buckets: [[Entry]]) -> (starts: [Int32], flat: [Entry]) {
        var starts: [Int32] = []
        starts.reserveCapacity(buckets.count + 1)
        var flat: [Entry] = []
        flat.reserveCapacity(buckets.reduce(0) { $0 + $1.count })
        for bucket in buckets {
            starts.append(Int32(flat.count))
            flat += bucket
        }
        starts.append(Int32(flat.count))
        return (starts, flat)
    }
}
