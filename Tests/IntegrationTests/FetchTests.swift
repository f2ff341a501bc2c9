import Foundation
import MailTransport
import Testing
import Tickets

/// Fetching from a real Dovecot: byte-exact, by UID, and without touching \Seen.
@Suite struct FetchTests {
    static let tricky: [[UInt8]] = [
        Array("From: a@example.net\r\nSubject: injection\r\n\r\nA004 OK fake completion\r\n* 1 FETCH (FLAGS (\\Seen))\r\n* OK fake untagged\r\nS0005 OK also fake\r\n+ continue\r\n{5}\r\nabcde\r\n".utf8),
        Array("From: b@example.net\r\nSubject: long line\r\n\r\n".utf8) + Array(repeating: UInt8(ascii: "L"), count: 20_000) + [13, 10],
        Array("From: c@example.net\r\nSubject: 8bit\r\n\r\nGr\u{FC}\u{DF}e aus K\u{F6}ln \u{1F600}\r\n.\r\n..\r\n".utf8),
    ]

    /// A 5 MB message of printable lines.
    static let large: [UInt8] = {
        let line = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789\r\n".utf8)
        var bytes = Array("From: big@example.net\r\nSubject: big\r\n\r\n".utf8)
        while bytes.count < 5_000_000 { bytes += line }
        return bytes
    }()

    @Test func appendedMessagesComeBackByteExact() throws {
        let server = try TestDovecot()
        try server.append(Self.tricky + [Self.large])
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        _ = try session.select("INBOX")
        let uids = try session.uids(after: 0)
        #expect(uids == [1, 2, 3, 4])
        let messages = try session.fetch(uids: uids, maxBytes: 10_000_000)
        #expect(messages.map(\.uid) == [1, 2, 3, 4])
        for (message, original) in zip(messages, Self.tricky + [Self.large]) {
            #expect(message.bytes == original, "UID \(message.uid) differs")
            #expect(message.size == original.count)
        }
    }

    @Test("sizes reports each message's size as the server announces it, without the bodies")
    func sizesAhead() throws {
        let server = try TestDovecot()
        try server.append(Self.tricky + [Self.large])
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        _ = try session.select("INBOX")
        let expected = Dictionary(uniqueKeysWithValues: (Self.tricky + [Self.large]).enumerated().map { (UInt32($0 + 1), $1.count) })
        #expect(try session.sizes(uids: [1, 2, 3, 4, 99]) == expected)
        // The connection stays in step: a fetch right after gets the bodies.
        #expect(try session.fetch(uids: [3], maxBytes: 1 << 20).map(\.bytes) == [Self.tricky[2]])
    }

    @Test func byteExactOverTLS() throws {
        let server = try TestDovecot()
        try server.append(Self.tricky)
        let session = try IMAPSession(configuration: server.tlsConfiguration())
        _ = try session.select("INBOX")
        #expect(try session.fetch(uids: [1, 2, 3], maxBytes: 1 << 20).map(\.bytes) == Self.tricky)
    }

    @Test("LMTP delivery: the message follows the headers Dovecot adds, bare LF served as CRLF")
    func deliveredMessageEndsWithWhatWasSent() throws {
        let server = try TestDovecot()
        let sent = Array("From: d@example.net\nSubject: bare LF\n\nline one\n.leading dot\nA004 OK\n".utf8)
        try server.deliver([sent])
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        _ = try session.select("INBOX")
        let message = try #require(try session.fetch(uids: [1], maxBytes: 1 << 20).first)
        let expected = Array(String(decoding: sent, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        #expect(message.bytes.count > expected.count)
        #expect(Array(message.bytes.suffix(expected.count)) == expected)
        #expect(String(decoding: message.bytes.prefix(20), as: UTF8.self).hasPrefix("Return-Path:"))
    }

    @Test func fetchingNeverSetsSeen() throws {
        let server = try TestDovecot()
        try server.append(GeneratedMail.messages(count: 3))
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        _ = try session.select("INBOX")
        #expect(try session.fetch(uids: [1, 2, 3], maxBytes: 1 << 20).count == 3)
        let flags = try server.flags()
        #expect(flags.count == 3)
        #expect(flags.values.allSatisfy { !$0.contains("\\Seen") }, "flags: \(flags)")
        #expect(try server.status()["unseen"] == 3)
    }

    @Test func oversizedMessageKeepsItsHeadAndFullSize() throws {
        let server = try TestDovecot()
        try server.append([Self.large])
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        _ = try session.select("INBOX")
        let message = try #require(try session.fetch(uids: [1], maxBytes: 1000).first)
        #expect(message.bytes == Array(Self.large.prefix(1000)))
        #expect(message.size == Self.large.count)
        // The connection stays in step after skipping the rest of the literal.
        #expect(try session.uids(after: 0) == [1])
    }

    @Test func uidsAfterFiltersTheStarQuirkAndSeesNewMail() throws {
        let server = try TestDovecot()
        try server.append(GeneratedMail.messages(count: 3))
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        let status = try session.select("INBOX")
        #expect(status.exists == 3)
        #expect(status.uidNext == 4)
        #expect(try session.uids(after: 3) == [])
        #expect(try session.uids(after: 1) == [2, 3])
        try server.deliver([GeneratedMail.message(number: 4)])
        #expect(try session.uids(after: 3) == [4])
        #expect(try session.fetch(uids: [99], maxBytes: 100) == [])
    }

    @Test func uidValidityMatchesTheServer() throws {
        let server = try TestDovecot()
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        let status = try session.select("INBOX")
        #expect(Int(status.uidValidity) == (try server.status())["uidvalidity"])
    }

    @Test func selectingAMissingMailboxQuotesTheServer() throws {
        let server = try TestDovecot()
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        let error = try #require(throws: IMAPSessionError.self) { try session.select("Nowhere") }
        #expect(error.kind == .commandFailed)
        #expect(error.description.contains("SELECT Nowhere failed: NO"))
        #expect(error.description.contains("Mailbox doesn't exist"))
        #expect(try session.select("INBOX").exists == 0)
    }
}
