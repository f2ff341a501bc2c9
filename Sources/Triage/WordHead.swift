/// A word's first eight bytes, running on into the following words of its sentence when it is
/// shorter (a compound may be written apart), packed little-endian (byte k in bits 8k..8k+7), with
/// the mask of the bytes the sentence has. A pattern term can only match at a word whose head agrees
/// with the term's on every byte both have: most words are turned away by one comparison.
struct WordHead {
    var bytes: UInt64
    var mask: UInt64

    /// The heads of all words of a text. The folded words lie back to back in `bytes`, so a head is
    /// the eight bytes at the word's start, cut at the end of its sentence.
    static func fill(_ heads: UnsafeMutableBufferPointer<WordHead>, bytes: UnsafeBufferPointer<UInt8>,
                     tokens: UnsafeBufferPointer<TokenizedText.Token>) {
        guard let base = bytes.baseAddress else { return }
        var sentenceEnd = 0
        var index = tokens.count - 1
        while index >= 0 {
            let token = tokens[index]
            if index == tokens.count - 1 || tokens[index + 1].sentence != token.sentence { sentenceEnd = token.end }
            let available = min(8, sentenceEnd - token.start)
            var head: UInt64 = 0
            if token.start + 8 <= bytes.count {
                head = UnsafeRawPointer(base + token.start).loadUnaligned(as: UInt64.self)
            } else {
                for offset in 0..<available { head |= UInt64(bytes[token.start + offset]) << UInt64(8 * offset) }
            }
            let mask: UInt64 = available >= 8 ? .max : (1 &<< UInt64(8 * available)) &- 1
            heads[index] = WordHead(bytes: UInt64(littleEndian: head) & mask, mask: mask)
            index -= 1
        }
    }
}
