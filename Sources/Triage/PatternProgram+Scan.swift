/// Scanning one text with the compiled patterns.
extension PatternProgram {
    /// Whether every element of `pattern` besides its anchor that needs a fixed word beginning finds one in the
    /// text (`present`: two-letter beginnings, one bit each; `triples`: hashed three-letter ones).
    @inline(__always)
    func isViable(_ pattern: Int, _ present: UnsafeMutableBufferPointer<UInt64>,
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

    /// Calls `found(pattern, match)` for every pattern matching at every word of `text`, in word
    /// order (matches found through a later anchor are put back where they start).
    func scan(_ text: TokenizedText, _ found: (Int, PhraseMatch) -> Void) {
        guard count > 0, text.count > 0 else { return }
        var matches: [FoundMatch] = []
        matches.reserveCapacity(WordScan.expectedMatches)
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
                            // Written in full by `fill` before any read; freed when the scan ends.
                            let heads = UnsafeMutableBufferPointer<WordHead>.allocate(capacity: tokens.count)
                            defer { heads.deallocate() }
                            WordHead.fill(heads, bytes: bytes, tokens: tokens)
                            for head in heads where head.mask & 0xFF00 != 0 {
                                let (first, second) = (UInt8(truncatingIfNeeded: head.bytes), UInt8(truncatingIfNeeded: head.bytes >> 8))
                                let key = Self.key(first, second)
                                present[key >> 6] |= 1 << UInt64(key & 63)
                                guard head.mask & 0xFF_0000 != 0 else { continue }
                                let slot = Self.tripleSlot(Self.triple(first, second, UInt8(truncatingIfNeeded: head.bytes >> 16)), tableBits: tableBits)
                                triples[slot >> 6] |= 1 << UInt64(slot & 63)
                            }
                            let matcher = ProgramMatcher(bytes: bytes, tokens: tokens, heads: UnsafeBufferPointer(heads), termBytes: termBytes,
                                                         terms: terms, elements: elements)
                            // By pattern: 0 not yet known, 1 every required word occurs in the text, -1 some does not.
                            let viable = UnsafeMutableBufferPointer<Int8>.allocate(capacity: count)
                            viable.initialize(repeating: 0)
                            defer { viable.deallocate() }
                            // By slot of a pattern anchored later: the last word tried as its start.
                            // Set when the pattern is found viable (nothing to clear up front).
                            let tried = UnsafeMutableBufferPointer<Int>.allocate(capacity: anchoredLater)
                            defer { tried.deallocate() }
                            // Tries one bucket entry at word `index` (no candidate list is built: the
                            // buckets are walked in place).
                            func attempt(_ entry: Int32, at index: Int) {
                                let pattern = Int(entry >> 8)
                                if viable[pattern] == 0 {
                                    viable[pattern] = isViable(pattern, present, triples, tableBits) ? 1 : -1
                                    if anchors[pattern].slot >= 0 { tried[Int(anchors[pattern].slot)] = -1 }
                                }
                                guard viable[pattern] > 0 else { return }
                                let range = Int(patternStarts[pattern])..<Int(patternStarts[pattern + 1])
                                let anchor = anchors[pattern]
                                var number = -1
                                guard anchor.slot >= 0 else {
                                    if let end = matcher.match(range, at: index, onlyAlternative: Int(entry & 0xFF) - 1, number: &number) {
                                        matches.append(FoundMatch(pattern: pattern, alternative: Int(entry & 0xFF),
                                                                              match: PhraseMatch(start: index, end: end, number: number >= 0 ? text.word(number) : nil)))
                                    }
                                    return
                                }
                                // Anchored later: every word in reach before the anchor word may start a
                                // match; each is tried once per scan.
                                let slot = Int(anchor.slot)
                                let sentence = tokens[index].sentence
                                let last = index - Int(anchor.nearest)
                                var start = max(0, index - Int(anchor.farthest), tried[slot] + 1)
                                tried[slot] = max(tried[slot], last)
                                let firstBytes = elements[range.lowerBound].firstBytes
                                while start <= last {
                                    if tokens[start].sentence == sentence, firstBytes & Self.firstByteBit(bytes[tokens[start].start]) != 0,
                                       let end = matcher.match(range, at: start, onlyAlternative: -1, number: &number) {
                                        matches.append(FoundMatch(pattern: pattern, alternative: 0,
                                                                              match: PhraseMatch(start: start, end: end, number: number >= 0 ? text.word(number) : nil)))
                                        number = -1
                                    }
                                    start += 1
                                }
                            }
                            // The word (run on into the sentence, as compounds are) must agree with
                            // the term on every byte both have of the first eight.
                            @inline(__always)
                            func walk(_ entries: [PairEntry], from start: Int, to end: Int, _ head: WordHead, _ index: Int) {
                                var position = start
                                while position < end {
                                    let candidate = entries[position]
                                    if (head.bytes ^ candidate.head) & head.mask & (UInt64.max &>> UInt64(candidate.maskShift)) == 0 {
                                        attempt(candidate.entry, at: index)
                                    }
                                    position += 1
                                }
                            }
                            for index in 0..<tokens.count {
                                let head = heads[index]
                                let first = Int(head.bytes & 0xFF)
                                if head.mask & 0xFF00 != 0 {
                                    let second = UInt8(truncatingIfNeeded: head.bytes >> 8)
                                    if head.mask & 0xFF_0000 != 0 {
                                        let bucket = Self.tripleBucket(UInt8(first), second, UInt8(truncatingIfNeeded: head.bytes >> 16))
                                        walk(tripleEntries, from: Int(tripleStarts[bucket]), to: Int(tripleStarts[bucket + 1]), head, index)
                                    }
                                    let key = Self.key(UInt8(first), second)
                                    walk(pairEntries, from: Int(pairStarts[key]), to: Int(pairStarts[key + 1]), head, index)
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
        // Matches are found bucket by bucket, and those through a later anchor only at that anchor:
        // report them by start word and, at one word, in pattern order (a rule's earlier phrase
        // first) and alternative order, as trying every pattern at every word would.
        FoundMatch.sort(&matches)
        for each in matches { found(each.pattern, each.match) }
    }
}
