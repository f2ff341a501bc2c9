import Foundation
import MailTransport
import Testing
import Tickets

/// `prefetch` sends the next fetch early; whatever comes next, the connection stays in step.
@Suite struct PrefetchTests {
    static let mails: [[UInt8]] = FetchTests.tricky + (1...4).map { GeneratedMail.message(number: $0) }

    static func session(_ server: TestDovecot) throws -> IMAPSession {
        try server.append(mails)
        let session = try IMAPSession(configuration: server.insecureConfiguration())
        _ = try session.select("INBOX")
        return session
    }

    @Test func aPrefetchedFetchReturnsTheSameBytes() throws {
        let server = try TestDovecot()
        let session = try Self.session(server)
        try session.prefetch(uids: [4, 5, 6], maxBytes: 1_000_000)
        let messages = try session.fetch(uids: [6, 5, 4], maxBytes: 1_000_000)
        #expect(messages.map(\.uid) == [4, 5, 6])
        #expect(messages.map(\.bytes) == Array(Self.mails[3...5]))
        #expect(try session.fetch(uids: [1], maxBytes: 1_000_000).first?.bytes == Self.mails[0])
    }

    @Test func otherCommandsAfterAPrefetchStillWork() throws {
        let server = try TestDovecot()
        let session = try Self.session(server)
        try session.prefetch(uids: [1, 2, 3], maxBytes: 1_000_000)
        // A different fetch, a search and a marking: each must read past the prefetched answers.
        #expect(try session.fetch(uids: [7], maxBytes: 1_000_000).map(\.bytes) == [Self.mails[6]])
        try session.prefetch(uids: [1, 2], maxBytes: 1_000_000)
        #expect(try session.uids(after: 0) == Array(1...7))
        try session.prefetch(uids: [3], maxBytes: 1_000_000)
        try session.markProcessed(uids: [3], moveTo: nil)
        #expect(try server.count(keyword: IMAPSession.processedKeyword) == 1)
        try session.prefetch(uids: [2], maxBytes: 10)
        #expect(try session.fetch(uids: [2], maxBytes: 10).first?.bytes == Array(Self.mails[1].prefix(10)))
        try session.prefetch(uids: [4], maxBytes: 1_000_000)
        session.close()
        _ = try session.select("INBOX")
        #expect(try session.fetch(uids: [4], maxBytes: 1_000_000).first?.bytes == Self.mails[3])
    }
}
