/// One match found by `PatternProgram.scan`: which pattern, through which alternative of its
/// first term (1-based as in bucket entries; 0 when all were tried) and where.
struct FoundMatch {
    var pattern: Int
    var alternative: Int
    var match: PhraseMatch

    /// Whether `self` is reported before `other`: by start word, then pattern, then alternative.
    func precedes(_ other: FoundMatch) -> Bool {
        if match.start != other.match.start { return match.start < other.match.start }
        if pattern != other.pattern { return pattern < other.pattern }
        return alternative < other.alternative
    }

    /// Insertion sort into report order: a scan finds few matches, nearly in order.
    static func sort(_ matches: inout [FoundMatch]) {
        guard matches.count > 1 else { return }
        for index in 1..<matches.count {
            let moving = matches[index]
            var position = index
            while position > 0, moving.precedes(matches[position - 1]) {
                matches[position] = matches[position - 1]
                position -= 1
            }
            if position != index { matches[position] = moving }
        }
    }
}
