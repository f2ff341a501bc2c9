/// Word patterns compiled into flat arrays of plain values, with the first term of each pattern
/// bucketed by its first one or two bytes: scanning a mail touches no reference counts and tries
/// only the patterns whose first letters fit the word at hand (classification must stay cheaper
/// than parsing; the issue asks for 20,000 mails/s on one core).
struct PatternProgram: Sendable {
    struct Term: Sendable {
        var kind: PhrasePattern.TermKind
        var start: Int32
        var count: Int32
        /// The term's first four bytes packed as `head` packs them, and the mask of those it has
        /// (0 for terms without a fixed beginning): a word whose head disagrees is passed over
        /// without comparing bytes.
        var head: UInt32 = 0
        var headMask: UInt32 = 0
    }

    /// One bucket entry of `pairEntries`: the pattern entry and its first term's head, side by side
    /// so that walking a bucket reads one array.
    struct PairEntry: Sendable {
        var head: UInt32
        var headMask: UInt32
        var entry: Int32
    }

    /// A gap, or a choice among `termCount` terms starting at `firstTerm`.
    struct Element: Sendable {
        var isGap: Bool
        var firstTerm: Int32
        var termCount: Int32
        /// Bit `codes[b]` is set for every first byte `b` a word matching one of the terms can have
        /// (all bits when a term has no fixed beginning): most words are turned away with one test.
        var firstBytes: UInt64 = ~0
    }

    private(set) var termBytes: [UInt8] = []
    private(set) var terms: [Term] = []
    private(set) var elements: [Element] = []
    /// Pattern `i` is `elements[patternStarts[i]..<patternStarts[i + 1]]`.
    private(set) var patternStarts: [Int32] = [0]
    /// Patterns by the first two letters of a first term (`keyCount` buckets, compressed row storage),
    /// each with the term's first four bytes packed (`head`, with `headMask` covering as many as it
    /// has) to skip most attempts with one comparison.
    private var pairStarts: [Int32] = []
    private var pairEntries: [PairEntry] = []
    /// Patterns by the single byte of a one-letter first term.
    private var byteStarts: [Int32] = []
    private var bytePatterns: [Int32] = []
    /// Patterns whose first term has no fixed beginning (suffix, contains, number): tried everywhere.
    private var everywhere: [Int32] = []
    /// For each pattern, the later elements that need a word with one of a few two-byte beginnings:
    /// pattern `i` owns `requirements[requirementStarts[i]..<requirementStarts[i + 1]]`, each a range
    /// of `requirementKeys`. A pattern whose required words are absent from a text is never tried.
    private var requirementStarts: [Int32] = [0]
    private var requirements: [Range<Int32>] = []
    /// Three-letter keys (`tripleFlag` set) for alternatives of three or more letters, else two-letter keys.
    private var requirementKeys: [UInt32] = []
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

    /// Letters and digits get their own code; other bytes (UTF-8 of rarer letters) share the rest.
    private static let codes: [UInt8] = (0..<256).map { byte -> UInt8 in
        switch byte {
        case 97...122: return UInt8(byte - 96)
        case 48...57: return UInt8(byte - 48 + 27)
        default: return UInt8(37 + byte % 27)
        }
    }

    /// The bit of `byte` in `Element.firstBytes`.
    @inline(__always)
    static func firstByteBit(_ byte: UInt8) -> UInt64 { 1 << UInt64(codes[Int(byte)]) }

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
        Int(codes[Int(first)]) << 6 | Int(codes[Int(second)])
    }

    @inline(__always)
    static func triple(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Int {
        key(first, second) << 6 | Int(codes[Int(third)])
    }

    /// A first term with this many alternatives or more is tried whole, everywhere (the bucket
    /// entry has eight bits for the alternative).
    static let alternativeLimit = 255

    init(_ patterns: [PhrasePattern]) {
        var pairBuckets: [Int: [Int32]] = [:]
        var heads: [Int: [(UInt32, UInt32)]] = [:]
        var byteBuckets: [Int: [Int32]] = [:]
        for (index, pattern) in patterns.enumerated() {
            for element in pattern.elements {
                switch element {
                case .gap:
                    elements.append(Element(isGap: true, firstTerm: 0, termCount: 0))
                case .term(let alternatives):
                    elements.append(Element(isGap: false, firstTerm: Int32(terms.count), termCount: Int32(alternatives.count),
                                            firstBytes: Self.firstByteMask(alternatives)))
                    for alternative in alternatives {
                        var term = Term(kind: alternative.kind, start: Int32(termBytes.count), count: Int32(alternative.bytes.count))
                        if alternative.kind == .exact || alternative.kind == .prefix {
                            (term.head, term.headMask) = Self.head(alternative.bytes)
                        }
                        terms.append(term)
                        termBytes += alternative.bytes
                    }
                }
            }
            patternStarts.append(Int32(elements.count))
            for element in pattern.elements.dropFirst() {
                guard case .term(let alternatives) = element,
                      alternatives.allSatisfy({ ($0.kind == .exact || $0.kind == .prefix) && $0.bytes.count >= 2 }) else { continue }
                let start = Int32(requirementKeys.count)
                requirementKeys += Set(alternatives.map { alternative -> UInt32 in
                    let bytes = alternative.bytes
                    return bytes.count >= 3 ? Self.tripleFlag | UInt32(Self.triple(bytes[0], bytes[1], bytes[2]))
                        : UInt32(Self.key(bytes[0], bytes[1]))
                })
                requirements.append(start..<Int32(requirementKeys.count))
            }
            requirementStarts.append(Int32(requirements.count))
            guard case .term(let first) = pattern.elements.first else { continue }
            // Bucket entries name the pattern and which first alternative fits the bucket, so an
            // attempt tries that alternative only: `pattern << 8 | alternative + 1` (0 = all).
            var pairs: [(key: Int, head: (UInt32, UInt32), entry: Int32)] = []
            var singles: [(byte: Int, entry: Int32)] = []
            var anywhere = first.count >= Self.alternativeLimit
            for (position, alternative) in first.enumerated() {
                let entry = Int32(index) << 8 | Int32(position + 1)
                switch alternative.kind {
                case .exact, .prefix:
                    if alternative.bytes.count >= 2 {
                        let key = Self.key(alternative.bytes[0], alternative.bytes[1])
                        pairs.append((key, Self.head(alternative.bytes), entry))
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
                    pairBuckets[pair.key, default: []].append(pair.entry)
                    heads[pair.key, default: []].append(pair.head)
                }
                for single in singles { byteBuckets[single.byte, default: []].append(single.entry) }
            }
        }
        let pairPatterns: [Int32]
        (pairStarts, pairPatterns) = Self.compress(pairBuckets, size: Self.keyCount)
        let flatHeads = (0..<Self.keyCount).flatMap { heads[$0] ?? [] }
        pairEntries = zip(pairPatterns, flatHeads).map { PairEntry(head: $1.0, headMask: $1.1, entry: $0) }
        (byteStarts, bytePatterns) = Self.compress(byteBuckets, size: 256)
    }

    /// Up to the first four bytes of `bytes`, packed, and the mask of the bytes present.
    static func head<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> (UInt32, UInt32) {
        var head: UInt32 = 0
        var mask: UInt32 = 0
        for (position, byte) in bytes.prefix(4).enumerated() {
            head |= UInt32(byte) << UInt32(8 * position)
            mask |= 0xFF << UInt32(8 * position)
        }
        return (head, mask)
    }

    /// Where a `triple` falls in a table of 2^`tableBits` bits (multiplicative hashing: all three
    /// letters count).
    @inline(__always)
    static func tripleSlot(_ triple: Int, tableBits: Int) -> Int {
        Int((UInt32(truncatingIfNeeded: triple) &* 0x9E37_79B1) >> UInt32(32 - tableBits))
    }

    /// Whether every later element of `pattern` that needs a fixed word beginning finds one in the
    /// text (`present`: two-letter beginnings, one bit each; `triples`: hashed three-letter ones).
    @inline(__always)
    private func isViable(_ pattern: Int, _ present: UnsafeMutableBufferPointer<UInt64>,
                          _ triples: UnsafeMutableBufferPointer<UInt64>, _ tableBits: Int) -> Bool {
        var requirement = Int(requirementStarts[pattern])
        let last = Int(requirementStarts[pattern + 1])
        while requirement < last {
            var key = Int(requirements[requirement].lowerBound)
            let end = Int(requirements[requirement].upperBound)
            var found = false
            while key < end, !found {
                let raw = requirementKeys[key]
                if raw & Self.tripleFlag != 0 {
                    let slot = Self.tripleSlot(Int(raw & ~Self.tripleFlag), tableBits: tableBits)
                    found = triples[slot >> 6] & (1 << UInt64(slot & 63)) != 0
                } else {
                    found = present[Int(raw) >> 6] & (1 << UInt64(raw & 63)) != 0
                }
                key += 1
            }
            if !found { return false }
            requirement += 1
        }
        return true
    }

    private static func compress(_ buckets: [Int: [Int32]], size: Int) -> ([Int32], [Int32]) {
        var starts = [Int32](repeating: 0, count: size + 1)
        var flat: [Int32] = []
        for key in 0..<size {
            starts[key] = Int32(flat.count)
            flat += buckets[key] ?? []
        }
        starts[size] = Int32(flat.count)
        return (starts, flat)
    }

    /// Calls `found(pattern, match)` for every pattern matching at every word of `text`, in word order.
    func scan(_ text: TokenizedText, _ found: (Int, PhraseMatch) -> Void) {
        guard count > 0, text.count > 0 else { return }
        text.bytes.withUnsafeBufferPointer { bytes in
            text.tokens.withUnsafeBufferPointer { tokens in
                termBytes.withUnsafeBufferPointer { termBytes in
                    terms.withUnsafeBufferPointer { terms in
                        elements.withUnsafeBufferPointer { elements in
                            // Scratch tables of this scan, allocated as one block (zeroed) and freed when it ends:
                            // which two-letter word beginnings occur (one bit per key) and which three-letter ones.
                            var tableBits = Self.minimumTripleTableBits
                            while tableBits < Self.maximumTripleTableBits, 1 << tableBits < tokens.count * Self.tripleBitsPerWord {
                                tableBits += 1
                            }
                            let presentWords = Self.keyCount / 64
                            let scratch = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: presentWords + (1 << tableBits) / 64)
                            scratch.initialize(repeating: 0)
                            defer { scratch.deallocate() }
                            let present = UnsafeMutableBufferPointer(rebasing: scratch[..<presentWords])
                            let triples = UnsafeMutableBufferPointer(rebasing: scratch[presentWords...])
                            // Each word's first four bytes (run on into the sentence), computed once.
                            // Written in full below before any read; freed when the scan ends.
                            let heads = UnsafeMutableBufferPointer<(head: UInt32, mask: UInt32)>.allocate(capacity: tokens.count)
                            defer { heads.deallocate() }
                            for index in 0..<tokens.count {
                                let (head, mask) = ProgramMatcher.head(at: index, bytes: bytes, tokens: tokens)
                                heads[index] = (head, mask)
                                guard mask & 0xFF00 != 0 else { continue }
                                let (first, second) = (UInt8(truncatingIfNeeded: head), UInt8(truncatingIfNeeded: head >> 8))
                                let key = Self.key(first, second)
                                present[key >> 6] |= 1 << UInt64(key & 63)
                                guard mask & 0xFF_0000 != 0 else { continue }
                                let slot = Self.tripleSlot(Self.triple(first, second, UInt8(truncatingIfNeeded: head >> 16)), tableBits: tableBits)
                                triples[slot >> 6] |= 1 << UInt64(slot & 63)
                            }
                            let matcher = ProgramMatcher(bytes: bytes, tokens: tokens, heads: UnsafeBufferPointer(heads), termBytes: termBytes,
                                                         terms: terms, elements: elements)
                            // 0 not yet known, 1 every required word occurs in the text, -1 some does not.
                            var viable = [Int8](repeating: 0, count: count)
                            // Tries one bucket entry at word `index` (no candidate list is built: the
                            // buckets are walked in place).
                            func attempt(_ entry: Int32, at index: Int) {
                                let pattern = Int(entry >> 8)
                                if viable[pattern] == 0 { viable[pattern] = isViable(pattern, present, triples, tableBits) ? 1 : -1 }
                                guard viable[pattern] > 0 else { return }
                                let range = Int(patternStarts[pattern])..<Int(patternStarts[pattern + 1])
                                var number = -1
                                if let end = matcher.match(range, at: index, onlyAlternative: Int(entry & 0xFF) - 1, number: &number) {
                                    found(pattern, PhraseMatch(start: index, end: end, number: number >= 0 ? text.word(number) : nil))
                                }
                            }
                            for index in 0..<tokens.count {
                                let (head, headMask) = heads[index]
                                let first = Int(head & 0xFF)
                                if headMask & 0xFF00 != 0 {
                                    let key = Self.key(UInt8(first), UInt8(truncatingIfNeeded: head >> 8))
                                    var position = Int(pairStarts[key])
                                    let end = Int(pairStarts[key + 1])
                                    while position < end {
                                        // The word (run on into the sentence, as compounds are) must
                                        // agree with the term on every byte both have of the first four.
                                        let candidate = pairEntries[position]
                                        if (head ^ candidate.head) & headMask & candidate.headMask == 0 {
                                            attempt(candidate.entry, at: index)
                                        }
                                        position += 1
                                    }
                                }
                                for position in Int(byteStarts[first])..<Int(byteStarts[first + 1]) {
                                    attempt(bytePatterns[position], at: index)
                                }
                                for entry in everywhere { attempt(entry, at: index) }
                            }
                        }
                    }
                }
            }
        }
    }
}
