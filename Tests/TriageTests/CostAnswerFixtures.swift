import MailCore
import Testing

/// Replies to our cost notice as mail clients send them, for `CostAnswerDetectorTests`.
enum CostAnswerFixtures {
    /// One reply and the answer an agent would read from it.
    struct Reply: Sendable, CustomTestStringConvertible {
        var name: String
        /// The whole RFC 5322 message, with LF line ends (`parse` sends CRLF, as on the wire).
        var raw: String
        var expected: Expected
        var testDescription: String { name }
    }

    enum Expected: Sendable, Equatable {
        case accepted(String)
        case refused(String)
        case noAnswer
    }

    /// The German cost notice as the customer's client quotes it back.
    static let germanNotice = """
        Guten Tag Max Müller,

        vielen Dank für Ihre Anfrage. Wir haben sie unter der Ticketnummer 4711 aufgenommen.

        Ihr Anliegen geht über unseren kostenlosen Standard-Support hinaus und gehört zum erweiterten
        Kundensupport. Dieser ist kostenpflichtig und wird je angefangene Viertelstunde mit 25,00 EUR
        abgerechnet. Was zum Standard-Support und was zum erweiterten Kundensupport zählt, erklärt
        dieser Artikel:
        https://hilfe.example.net/faq/1792

        Wir beginnen erst, wenn Sie den Kosten zugestimmt haben. Antworten Sie dazu bitte auf diese
        E-Mail mit "Ja, einverstanden" und lassen Sie "[Ticket#4711]" im Betreff stehen.
        Ohne Ihre Zustimmung entstehen Ihnen keine Kosten.

        Mit freundlichen Grüßen
        Ihr Support-Team
        """

    static let englishNotice = """
        Hello Jane Doe,

        thank you for your request. We have recorded it as ticket number 4711.

        Your request goes beyond our free standard support and falls under extended support. Extended
        support is charged at EUR 25.00 per started quarter hour. This article explains what standard
        and extended support cover:
        https://help.example.net/faq/1792

        We start only after you have accepted the costs. To accept, reply to this email with
        "Yes, I accept" and keep "[Ticket#4711]" in the subject. Without your acceptance
        there are no costs for you.

        Kind regards
        Your support team
        """

    /// `text` as a mail client quotes it in a reply.
    static func quoted(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? ">" : "> \($0)" }
            .joined(separator: "\n")
    }

    /// A whole message: the headers of a real client, then `body` as it stands.
    static func message(_ body: String, subject: String = "AW: [Ticket#4711] Webseite gehackt",
                        contentType: String = "text/plain; charset=utf-8", encoding: String = "8bit",
                        mailer: String = "Mozilla Thunderbird") -> String {
        """
        From: Max Mueller <max@example.org>
        To: Support <support@example.net>
        Subject: \(subject)
        Date: Sun, 29 Nov 2026 11:02:13 +0100
        Message-ID: <c0ffee.4711@example.org>
        In-Reply-To: <ticket-4711-notice@example.net>
        References: <ticket-4711-notice@example.net>
        User-Agent: \(mailer)
        MIME-Version: 1.0
        Content-Type: \(contentType)
        Content-Transfer-Encoding: \(encoding)

        \(body)
        """
    }

    static func parse(_ raw: String) -> ParsedMessage {
        MessageParser.parse(Array(raw.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }

    static let thunderbirdAttribution = "Am 29.11.2026 um 10:15 schrieb Support:"
    static let gmailAttribution = "On Sun, Nov 29, 2026 at 10:15 AM Example Hosting Support <support@example.net>\nwrote:"
    static let outlookGermanHeader = """
        -----Ursprüngliche Nachricht-----
        Von: Example Hosting Support <support@example.net>
        Gesendet: Sonntag, 29. November 2026 10:15
        An: Max Mueller <max@example.org>
        Betreff: Re: Webseite gehackt [Ticket#4711]
        """
    static let outlookEnglishHeader = """
        From: Example Hosting Support <support@example.net>
        Sent: Sunday, November 29, 2026 10:15 AM
        To: Jane Doe <jane@example.com>
        Subject: Re: Site hacked [Ticket#4711]
        """
}
