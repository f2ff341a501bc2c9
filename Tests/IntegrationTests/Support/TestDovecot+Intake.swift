import Foundation

/// What the intake's end-to-end tests need from the test Dovecot: a gateway configuration for it,
/// and keyword counts.
extension TestDovecot {
    /// The gateway configuration JSON for this server (plain IMAP, `allowInsecure`) and a database at `database`.
    func gatewayConfiguration(database: String, extraIMAP: String = "") -> String {
        """
        {"imap": {"url": "imap://127.0.0.1:\(imapPort)/INBOX", "username": "\(user)", "password": "\(password)",
                  "allowInsecure": true, "quarantineMailbox": "Quarantine", "pollSeconds": 30\(extraIMAP)},
         "database": "\(database)"}
        """
    }

    /// How many messages in `mailbox` carry the keyword.
    func count(keyword: String, mailbox: String = "INBOX") throws -> Int {
        try doveadm(["search", "-u", user, "mailbox", mailbox, "keyword", keyword]).split(separator: "\n").count
    }

    /// A ~3 KB customer mail with its own Message-ID.
    static func customerMail(_ number: Int) -> [UInt8] {
        let body = String(String(repeating: "Guten Tag, mein Postfach nimmt keine Mails mehr an. ", count: 55).prefix(2_800))
        return Array(("From: Kunde \(number) <kunde\(number)@example.org>\r\nTo: support@example-hosting.de\r\n"
            + "Subject: Anfrage \(number)\r\nMessage-ID: <e2e-\(number)@example.org>\r\n"
            + "Date: Sun, 29 Nov 2026 18:00:00 +0100\r\n\r\n\(body)\r\n").utf8)
    }
}
