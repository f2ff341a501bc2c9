import Testing
import Tickets

/// The duplicate rule: leading trace fields added by delivery do not change the content hash.
struct ContentHashTests {
    let message = Array("From: a@example.org\r\nMessage-ID: <1@x>\r\nSubject: Hallo\r\n\r\nText\r\n".utf8)

    @Test("trace fields added by delivery are ignored")
    func traceFieldsIgnored() {
        let delivered = Array("""
            Return-Path: <a@example.org>\r
            Delivered-To: support@example-hosting.de\r
            Received: from mx.example.org (mx.example.org [192.0.2.1])\r
            \tby mail.example-hosting.de with ESMTPS id abc\r
            \tfor <support@example-hosting.de>; Sun, 29 Nov 2026 18:00:00 +0100\r

            """.utf8) + message
        #expect(ContentHash.hexDigest(of: delivered) == ContentHash.hexDigest(of: message))
        #expect(ContentHash.contentStart(of: delivered) == delivered.count - message.count)
    }

    @Test("LF-only line ends and continuation lines are handled")
    func bareLineFeeds() {
        let delivered = Array("Received: from a\n  by b\nX-Original-To: s@x\n".utf8) + message
        #expect(ContentHash.hexDigest(of: delivered) == ContentHash.hexDigest(of: message))
    }

    @Test("trace field names match in any case, and only whole names", arguments: [
        ("RECEIVED: from a\r\nDelivered-TO: s@x\r\n", true),
        ("x-SPAM-Status: No\r\n", true),
        ("Received-Extra: from a\r\n", false),
        ("Receive: from a\r\n", false),
        ("Rec@ived: from a\r\n", false),
    ])
    func traceFieldNameCase(prefix: String, ignored: Bool) {
        let delivered = Array(prefix.utf8) + message
        #expect((ContentHash.hexDigest(of: delivered) == ContentHash.hexDigest(of: message)) == ignored)
    }

    @Test("a Received field below the sender's fields is content")
    func laterTraceFieldsCount() {
        let moved = Array("From: a@example.org\r\nReceived: from x\r\nMessage-ID: <1@x>\r\nSubject: Hallo\r\n\r\nText\r\n".utf8)
        #expect(ContentHash.hexDigest(of: moved) != ContentHash.hexDigest(of: message))
    }

    @Test("different bodies hash differently; malformed input does not trap", arguments: [
        "", "Received:", "Received: x", "Received: x\r\n", ":::", "Received: \r\n \r\n \r\n", "\u{0}\u{1}",
    ])
    func malformed(text: String) {
        let bytes = Array(text.utf8)
        #expect(ContentHash.contentStart(of: bytes) <= bytes.count)
        #expect(ContentHash.hexDigest(of: bytes).count == 64)
    }
}
