import Foundation

extension TestDovecot {
    /// Messages per MULTIAPPEND command (RFC 3502) when seeding.
    static let appendBatchSize = 200

    /// Stores messages exactly as given with IMAP APPEND (MULTIAPPEND, LITERAL+), over a
    /// plain socket. Unlike LMTP this adds no headers; Dovecot still turns bare LF into CRLF.
    func append(_ messages: [[UInt8]], mailbox: String = "INBOX") throws {
        let socket = try LoopbackSocket(port: imapPort)
        _ = try socket.readLine()
        try socket.send("L LOGIN \(user) \"\(password)\"\r\n")
        try expectOK(try socket.readLine(startingWith: "L "), "LOGIN")
        for start in stride(from: 0, to: messages.count, by: Self.appendBatchSize) {
            var command = Array("A APPEND \(mailbox)".utf8)
            for message in messages[start..<min(start + Self.appendBatchSize, messages.count)] {
                command += Array(" {\(message.count)+}\r\n".utf8) + message
            }
            try socket.send(command + [13, 10])
            try expectOK(try socket.readLine(startingWith: "A "), "APPEND")
        }
        try socket.send("Z LOGOUT\r\n")
    }

    /// Delivers over LMTP, like a real MTA would; Dovecot adds Return-Path, Delivered-To and
    /// Received at the top.
    func deliver(_ messages: [[UInt8]], sender: String = "customer@example.net") throws {
        guard let lmtpPort else { throw TestServerError("this Dovecot was started without LMTP") }
        let socket = try LoopbackSocket(port: lmtpPort)
        _ = try socket.readLine()
        try socket.send("LHLO test.example\r\n")
        _ = try socket.readLine(startingWith: "250 ")
        for message in messages {
            try socket.send("MAIL FROM:<\(sender)>\r\nRCPT TO:<\(user)>\r\nDATA\r\n")
            for step in ["MAIL", "RCPT", "DATA"] {
                let reply = try socket.readLine()
                guard reply.hasPrefix("2") || reply.hasPrefix("3") else { throw TestServerError("LMTP \(step) refused: \(reply)") }
            }
            try socket.send(Self.dotStuffed(message))
            let reply = try socket.readLine()
            guard reply.hasPrefix("250") else { throw TestServerError("LMTP delivery refused: \(reply)") }
        }
        try socket.send("QUIT\r\n")
    }

    /// SMTP/LMTP data encoding (RFC 5321 §4.5.2): leading dots doubled, CRLF line ends, final dot.
    static func dotStuffed(_ message: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(message.count + 64)
        var atLineStart = true
        for (index, byte) in message.enumerated() {
            if atLineStart && byte == UInt8(ascii: ".") { output.append(byte) }
            if byte == 10 && (index == 0 || message[index - 1] != 13) { output.append(13) }
            output.append(byte)
            atLineStart = byte == 10
        }
        if !atLineStart { output += [13, 10] }
        return output + Array(".\r\n".utf8)
    }

    private func expectOK(_ line: String, _ command: String) throws {
        guard line.split(separator: " ").dropFirst().first?.uppercased() == "OK" else {
            throw TestServerError("\(command) failed: \(line)")
        }
    }
}

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
