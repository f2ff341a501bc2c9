import LocalServers
import Testing

/// The SMTP test server records exactly what a client sent (checked with a raw socket client,
/// independent of the gateway's SMTP code).
@Suite struct TestSMTPServerTests {
    @Test func recordsTheExactBytesAndEnvelope() throws {
        let server = try TestSMTPServer(TestSMTPServer.Options(rejectedRecipients: ["nobody@example.net"]))
        let client = try LoopbackSocket(port: server.port)
        _ = try client.readLine(startingWith: "220 ")
        try client.send("EHLO test.example\r\n")
        _ = try client.readLine(startingWith: "250 ")
        try client.send("MAIL FROM:<support@example-hosting.de>\r\n")
        #expect(try client.readLine().hasPrefix("250"))
        try client.send("RCPT TO:<nobody@example.net>\r\n")
        #expect(try client.readLine().hasPrefix("550"))
        try client.send("RCPT TO:<customer@example.net>\r\n")
        #expect(try client.readLine().hasPrefix("250"))
        try client.send("DATA\r\n")
        #expect(try client.readLine().hasPrefix("354"))
        try client.send("Subject: hi\r\n\r\n..leading dot\r\nA004 OK\r\n.\r\n")
        #expect(try client.readLine().hasPrefix("250"))
        try client.send("QUIT\r\n")
        let received = try server.received()
        #expect(received.count == 1)
        #expect(received.first?.bytes == Array("Subject: hi\r\n\r\n.leading dot\r\nA004 OK\r\n".utf8))
        #expect(received.first?.recipients == ["customer@example.net"])
        #expect(received.first?.mailFrom == "support@example-hosting.de")
        #expect(received.first?.usedTLS == false)
    }
}
