import Foundation

extension LocalDovecot {
    /// Messages per MULTIAPPEND command (RFC 3502) when seeding.
    public static let appendBatchSize = 200

    /// Stores messages exactly as given with IMAP APPEND (MULTIAPPEND, LITERAL+), over a
    /// plain socket. Unlike LMTP this adds no headers; Dovecot still turns bare LF into CRLF.
    /// Dovecot saves them as it saves delivered mail (its file names, uidlist and cache), so a
    /// mailbox seeded this way serves like a production one.
    public func append(_ messages: [[UInt8]], mailbox: String = "INBOX") throws {
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
    public func deliver(_ messages: [[UInt8]], sender: String = "customer@example.net") throws {
        guard let lmtpPort else { throw LocalServerError("this Dovecot was started without LMTP") }
        let socket = try LoopbackSocket(port: lmtpPort)
        _ = try socket.readLine()
        try socket.send("LHLO test.example\r\n")
        _ = try socket.readLine(startingWith: "250 ")
        for message in messages {
            try socket.send("MAIL FROM:<\(sender)>\r\nRCPT TO:<\(user)>\r\nDATA\r\n")
            for step in ["MAIL", "RCPT", "DATA"] {
                let reply = try socket.readLine()
                guard reply.hasPrefix("2") || reply.hasPrefix("3") else { throw LocalServerError("LMTP \(step) refused: \(reply)") }
            }
            try socket.send(Self.dotStuffed(message))
            let reply = try socket.readLine()
            guard reply.hasPrefix("250") else { throw LocalServerError("LMTP delivery refused: \(reply)") }
        }
        try socket.send("QUIT\r\n")
    }

    /// SMTP/LMTP data encoding (RFC 5321 §4.5.2): leading dots doubled, CRLF line ends, final dot.
    public static func dotStuffed(_ message: [UInt8]) -> [UInt8] {
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
            throw LocalServerError("\(command) failed: \(line)")
        }
    }
}
