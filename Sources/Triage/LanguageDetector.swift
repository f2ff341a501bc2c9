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

    /// The stop words packed into integers (all are at most eight bytes), sorted for a binary
    /// search: cheaper than hashing every word of every mail.
    private static let germanKeys = german.compactMap { key(Array($0.utf8)[...]) }.sorted()
    private static let englishKeys = english.compactMap { key(Array($0.utf8)[...]) }.sorted()

    private static func contains(_ keys: [UInt64], _ wanted: UInt64) -> Bool {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < wanted { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == wanted
    }

    private static func key(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        guard bytes.count <= 8 else { return nil }
        return bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    static func detect(_ text: TokenizedText) -> String {
        var germanHits = 0
        var englishHits = 0
        for index in 0..<min(text.count, countedWords) {
            let token = text.tokens[index]
            guard token.end - token.start <= 8 else { continue }
            var word: UInt64 = 0
            for position in token.start..<token.end { word = word << 8 | UInt64(text.bytes[position]) }
            if contains(germanKeys, word) { germanHits += 1 }
            if contains(englishKeys, word) { englishHits += 1 }
        }
        return englishHits > germanHits ? "en" : "de"
    }
}
