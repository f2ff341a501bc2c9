import MailCore

/// What one fuzz input goes through: everything `parse --json` and the classifier read.
enum FuzzTarget {
    static func exercise(_ bytes: [UInt8]) {
        let message = MessageParser.parse(bytes)
        // Touch the derived values too, so that lazy decoding and the HTML rendering run.
        var checksum = message.bodyText.utf8.count &+ message.defects.count
        for attachment in message.attachments {
            checksum &+= attachment.sizeBytesDecoded ?? 0
        }
        blackHole(checksum)
    }

    /// Keeps the optimiser from discarding the work above.
    @inline(never)
    static func blackHole(_ value: Int) {
        if value == Int.min { print("unreachable checksum") }
    }
}
