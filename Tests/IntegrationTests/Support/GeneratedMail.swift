/// Generated test mail of about 3 KB, numbered so that each message is unique.
enum GeneratedMail {
    static func message(number: Int, bodyBytes: Int = 2_700) -> [UInt8] {
        let header = "From: Customer \(number) <customer\(number)@example.net>\r\n"
            + "To: support@example-hosting.de\r\n"
            + "Subject: Test request \(number)\r\n"
            + "Message-ID: <test-\(number)@example.net>\r\n"
            + "Date: Mon, 2 Nov 2026 10:00:00 +0100\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        let line = "Mein Webspace \(number) ist nicht erreichbar, bitte helfen Sie mir schnell.\r\n"
        let body = String(repeating: line, count: max(1, bodyBytes / line.utf8.count))
        return Array((header + body).utf8)
    }

    static func messages(count: Int) -> [[UInt8]] {
        (1...max(1, count)).map { message(number: $0) }.prefix(count).map { $0 }
    }
}
