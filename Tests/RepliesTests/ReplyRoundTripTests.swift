import Foundation
import MailCore
import Testing
@testable import Replies

/// Our replies must read back correctly in a real MIME parser: what a customer's mail client sees.
@Suite("Replies read back through the MIME parser")
struct ReplyRoundTripTests {
    @Test("subject, addresses, threading and the decoded body survive", arguments: ["de", "en"])
    func roundTrip(language: String) throws {
        var request = ReplyComposerTests.request(subject: "WG: Größe des Postfachs – 😀 voll")
        request.language = language
        let mail = try ReplyComposerTests.composer().compose(request)
        let parsed = MessageParser.parse(mail.bytes)
        #expect(parsed.defects.isEmpty, "\(parsed.defects)")
        #expect(parsed.subject == "Re: Größe des Postfachs – 😀 voll [Ticket#1042]")
        #expect(parsed.to == [Mailbox(name: "Jürgen Weiß", address: "kunde@example.org")])
        #expect(parsed.from == [Mailbox(name: "Example Hosting Support", address: "support@example-hosting.de")])
        #expect(parsed.messageID == mail.messageID)
        #expect(parsed.inReplyTo == "abc@mail.example.org")
        #expect(parsed.references == ["root@mail.example.org", "abc@mail.example.org"])
        #expect(parsed.autoSubmitted == "auto-replied")
        let body = try #require(parsed.textBody)
        #expect(body.contains(language == "de" ? "Guten Tag Jürgen Weiß," : "Hello Jürgen Weiß,"))
        #expect(body.contains("Störungsmeldungen"))
        #expect(body.contains("[Ticket#1042]"))
    }
}
