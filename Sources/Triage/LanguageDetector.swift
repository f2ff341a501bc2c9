/// Tells German from English by counting frequent function words, which every mail has and no
/// keyword list misses. Ties go to German, the provider's main language.
enum LanguageDetector {
    static let german: Set<String> = [
        "ich", "und", "der", "die", "das", "nicht", "ist", "mit", "sie", "ein", "eine", "auf", "bei", "wir",
        "mein", "meine", "meinem", "meiner", "habe", "haben", "bitte", "danke", "fuer", "kann", "koennen", "wie",
        "seit", "auch", "noch", "nur", "oder", "aber", "wenn", "dass", "ihr", "ihre", "ihnen", "geht", "mehr",
        "hallo", "guten", "tag", "sehr", "geehrte", "geehrter", "damen", "herren", "wurde", "wird", "sind", "es",
        "den", "dem", "von", "zu", "im", "ein", "kein", "keine", "nichts", "schon", "jetzt", "leider", "gruesse",
    ]
    static let english: Set<String> = [
        "i", "and", "the", "is", "not", "with", "you", "a", "on", "at", "we", "my", "have", "has", "please",
        "thanks", "thank", "for", "can", "could", "how", "since", "still", "only", "or", "but", "if", "that",
        "your", "it", "does", "doesnt", "dont", "works", "work", "hello", "hi", "dear", "were", "are", "be",
        "of", "to", "from", "no", "any", "nothing", "just", "now", "unfortunately", "regards", "this", "what",
    ]
    /// Only the first words are counted: enough to decide, cheap for long mails.
    static let countedWords = 120

    /// The stop words packed into integers (all are at most eight bytes), in small open-addressing
    /// tables: one multiplication and a probe or two per word of every mail.
    private static let germanKeys = table(german)
    private static let englishKeys = table(english)
    /// Table slots (a power of two, well above twice the number of stop words; a key is never 0).
    static let tableSize = 512

    private static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 55) & (tableSize - 1) }

    private static func table(_ words: Set<String>) -> [UInt64] {
        var slots = [UInt64](repeating: 0, count: tableSize)
        for word in words {
            guard let key = key(Array(word.utf8)[...]) else { continue }
            var index = slot(key)
            while slots[index] != 0, slots[index] != key { index = (index + 1) & (tableSize - 1) }
            slots[index] = key
        }
        return slots
    }

    private static func contains(_ slots: UnsafeBufferPointer<UInt64>, _ wanted: UInt64) -> Bool {
        var index = slot(wanted)
        while slots[index] != 0 {
            if slots[index] == wanted { return true }
            index = (index + 1) & (tableSize - 1)
        }
        return false
    }

    private static func key(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        guard bytes.count <= 8 else { return nil }
        return bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Whether folded `bytes` are one of the German or English stop words (through the packed
    /// tables; the few longer than eight bytes through the sets).
    static func isStopWord(_ bytes: [UInt8]) -> Bool {
        guard let key = key(bytes[...]) else {
            let word = String(decoding: bytes, as: UTF8.self)
            return german.contains(word) || english.contains(word)
        }
        return germanKeys.withUnsafeBufferPointer { contains($0, key) } || englishKeys.withUnsafeBufferPointer { contains($0, key) }
    }

    static func detect(_ text: TokenizedText) -> String {
        var germanHits = 0
        var englishHits = 0
        // Buffers borrowed once: the tables and the text are read for up to `countedWords` words.
        germanKeys.withUnsafeBufferPointer { german in
            englishKeys.withUnsafeBufferPointer { english in
                text.tokens.withUnsafeBufferPointer { tokens in
                    text.bytes.withUnsafeBufferPointer { bytes in
                        for token in tokens.prefix(countedWords) where token.end - token.start <= 8 {
                            var word: UInt64 = 0
                            for position in token.start..<token.end { word = word << 8 | UInt64(bytes[position]) }
                            if contains(german, word) { germanHits += 1 }
                            if contains(english, word) { englishHits += 1 }
                        }
                    }
                }
            }
        }
        return englishHits > germanHits ? "en" : "de"
    }
}
