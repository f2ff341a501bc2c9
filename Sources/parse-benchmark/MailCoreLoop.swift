import MailCore

/// Parses every message and decodes every part, as `parse --stats` does, and keeps the result alive.
struct MailCoreLoop {
    let corpus: Corpus

    /// Seconds per pass over the corpus: the fastest of `iterations` passes after one warm-up pass.
    func secondsPerPass(iterations: Int) -> Double {
        var checksum = pass()
        var best = Double.infinity
        for _ in 0..<max(1, iterations) {
            let start = ContinuousClock.now
            checksum &+= pass()
            best = min(best, (ContinuousClock.now - start).seconds)
        }
        if checksum == Int.min { print("unreachable checksum") }
        return best
    }

    private func pass() -> Int {
        var checksum = 0
        for bytes in corpus.messages {
            let message = MessageParser.parse(bytes)
            checksum &+= message.bodyText.utf8.count &+ message.defects.count &+ (message.subject?.utf8.count ?? 0)
            for attachment in message.attachments {
                checksum &+= attachment.sizeBytesDecoded ?? 0
            }
        }
        return checksum
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
