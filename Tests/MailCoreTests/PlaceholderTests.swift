import Testing
@testable import MailCore

@Test("RFC 5322 §2.2: a header field's name and value survive parsing")
func subjectIsRead() {
    let message = MessageParser.parse(Array("Subject: Hallo\r\n\r\nBody\r\n".utf8))
    #expect(message.subject == "Hallo")
}
