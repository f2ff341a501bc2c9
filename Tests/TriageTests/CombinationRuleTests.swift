import Testing
@testable import Triage

/// Signals and combination rules: evidence of different kinds that decides together, and
/// explains itself through what it combined.
@Suite struct CombinationRuleTests {
    static let rules = #"""
    {"rules": [
      {"id": "away", "description": "d", "category": "signal", "field": "body", "phrases": ["bin .. urlaub"]},
      {"id": "when", "description": "d", "category": "signal", "field": "body", "phrases": ["bis <day>"]},
      {"id": "asks", "description": "d", "category": "automated", "weight": -1, "field": "body", "phrases": ["bitte pruefen"]},
      {"id": "notice", "description": "d", "category": "automated", "weight": 2.5, "all_of": ["away"], "any_of": ["when"], "none_of": ["shape:question", "asks"]}
    ]}
    """#

    static func classify(_ body: String, subject: String = "Anfrage") throws -> Classification {
        try TriageFixtures.classifier(rulesJSON: rules).classify(TriageFixtures.message(subject: subject, body: body))
    }

    @Test func combinationQuotesTheSignalsItCombined() throws {
        let result = try Self.classify("Ich bin bis 12. Mai im Urlaub.")
        #expect(result.category == .automated)
        let hit = try #require(result.reasons.first { $0.rule == "notice" })
        #expect(hit.evidence.contains("away: bin bis 12. Mai im Urlaub") && hit.evidence.contains("no question"))
        #expect(!result.reasons.contains { $0.rule == "away" || $0.rule == "when" }, "signals score nothing and are not listed alone")
    }

    @Test func aQuestionOrARequestVoidsTheCombination() throws {
        #expect(try Self.classify("Ich bin bis 12. Mai im Urlaub. Geht das vorher?").category != .automated)
        #expect(try Self.classify("Ich bin bis 12. Mai im Urlaub, bitte prüfen Sie das vorher.").category != .automated)
    }

    @Test func everyAllOfAndOneAnyOfAreNeeded() throws {
        #expect(try Self.classify("Ich bin im Urlaub.").reasons.isEmpty)
        #expect(try Self.classify("Das läuft bis 12. Mai.").reasons.isEmpty)
    }

    @Test(arguments: [("Geht das?", true), ("Geht das?\n", true), ("Siehe https://example.org/index.php?id=4 bitte.", false),
                      ("Kein Fragezeichen.", false), ("Läuft das? (dringend)", true)])
    func questionShape(_ text: String, _ asks: Bool) {
        #expect(MessageShape.asksQuestion(Array(text.utf8)) == asks)
    }
}

/// The repository's rules on notices without RFC 3834 headers and on people who mention their
/// absence: the shape of the mail (asking or announcing) decides, not the holiday words.
@Suite struct HeaderlessNoticeTests {
    @Test(arguments: [
        "Vom 2. bis 16. Mai bin ich nicht im Haus. Ihre Nachricht lese ich nach meiner Rückkehr.",
        "Our studio is closed until Tuesday 4 March. We'll reply as soon as we're back.",
        "Danke für deine Mail! Wir sind gerade auf einem Festival und melden uns ab Montag bei dir.",
        "Frau Albers ist bis 30.09. in Elternzeit. Ihre Vertretung ist Herr Kaya (kaya@example.org).",
        "I'm off on holiday until 20 June and won't be checking emails.",
        "Ich nehme bis Freitag an einer Schulung teil und kann Ihre E-Mail erst danach beantworten.",
        "Aufgrund des hohen Anfrageaufkommens kommt es zu längeren Bearbeitungszeiten. Wir melden uns so bald wie möglich.",
        "Vielen Dank für Ihre Nachricht. Sie wurde an die zuständige Abteilung weitergeleitet, Sie erhalten in Kürze eine Antwort.",
        "Unser Support ist montags bis freitags erreichbar. Nachrichten vom Wochenende bearbeiten wir am nächsten Werktag.",
        "Herr Roth ist seit dem 1. April im Ruhestand. Bitte richten Sie Ihre Anfragen an info@example.org.",
        "Thanks for writing to us! We are all volunteers, so please allow a few days for a reply.",
        "Die Kanzlei bleibt am Freitag, dem 3. Oktober, und am Montag, dem 6. Oktober, geschlossen. Ab Dienstag sind wir wieder erreichbar.",
        "Ich bin bis 28.02. im Urlaub. Sie brauchen schnell Hilfe? Dann wenden Sie sich an info@example.org.",
        "I'm out of the office until Monday. Need something urgently? Call the front desk on 0123 456.",
        "On leave till the 9th. Will reply after.",
        "Ich bin auf Hochzeitsreise und erst am 20. Mai wieder da. Alles Geschäftliche bitte an office@example.org.",
        "Ich habe das Unternehmen zum 30.09. verlassen. Ab sofort ist Frau Lindner für Sie zuständig.",
        "I'm heads-down on a deadline until Friday and only checking email once a day. If it can't wait, text me.",
        "I'm out today for a family event. I'll get back to you tomorrow morning.",
        "Our offices are closed today due to severe weather. We'll respond to all messages once we reopen.",
        "I'm on jury duty this week and won't be able to respond until Monday. Thanks for your patience.",
        "Just letting you know your email made it to us. We reply in the order we receive them, usually within a day or two.",
        "Danke für deine Mail! Wir haben sie erhalten und melden uns in den nächsten Tagen. Bitte hab etwas Geduld.",
        "Die Kanzlei ist aufgrund eines Umzugs vom 10. bis 14. März geschlossen. E-Mails werden erst ab dem 17. März wieder gelesen.",
        "Thanks for your message. I've recently left Harbor Digital; this inbox will be closed at the end of the month. Please reach out to team@example.org.",
    ])
    func noticeIsAutomated(_ body: String) throws {
        let result = try TriageFixtures.classifier().classify(TriageFixtures.message(subject: "Re: Ihre Anfrage", body: body))
        #expect(result.category == .automated, "\(result.reasons.map(\.rule))")
    }

    @Test(arguments: [
        "Ich bin ab Montag im Urlaub. Bitte verlängern Sie vorher noch das Zertifikat für shop.example.org.",
        "We're closed until 4 March. Could you move our mailboxes to the new plan during that time?",
        "Bis Freitag bin ich auf Dienstreise, seit heute kommen keine Mails mehr an, geändert haben wir nichts.",
        "Ich bin vom 2. bis 16. Mai in Elternzeit. Wie richte ich eine Abwesenheitsnotiz im Webmail ein?",
        "We're closed on Monday for a bank holiday. Can the mailbox migration happen then.",
        "I'm going on leave on 1 June and my colleague takes over. Please add ben@example.org as a contact on our account.",
        "Herr Schulz ist seit März im Ruhestand. Ich übernehme seine Aufgaben und brauche Zugang zum Kundencenter.",
        "Our office is closed until Monday and since then the website shows error 503 to our customers.",
        "Ich bin ab Montag im Urlaub. Brauchen Sie für die Domain noch eine Unterschrift von mir?",
        "Thank you for your email. I tried the new password but Outlook still says authentication failed.",
        "Ab nächster Woche bin ich im Urlaub, Vertretung ist mein Kollege. Der Kunde braucht bis dahin ein SSL-Zertifikat für kunde.de.",
        "Wir ziehen am 1. März um und sind bis dahin eingeschränkt erreichbar. Die SIP-Accounts müssen auf die neue Adresse umgestellt werden.",
        "Hiermit kündige ich meinen Vertrag zum nächstmöglichen Zeitpunkt. Ich bin ab dem 1.12. im Ruhestand und brauche die Domain nicht mehr.",
        "Danke für Ihre Nachricht. Ich bin gerade unterwegs. Das Passwort habe ich geändert, seitdem geht am Handy nichts mehr.",
        "Hello, my out of office reply is not being sent to external senders. I set it up in webmail yesterday.",
        "Unsere Praxis ist vom 1. bis 5. Juni wegen Umzug geschlossen. In dieser Zeit soll die Domain praxis.example auf den neuen Server umgezogen werden.",
        "Sorry for my late reply, I was on holiday until yesterday. I uploaded the files by FTP but the site still shows the old page.",
        "Wir haben Ihre Nachricht erhalten, allerdings ist der Link zur Rechnung abgelaufen. Senden Sie uns die Rechnung bitte als PDF.",
        "Ich bin vom 21.12. bis 06.01. nicht im Büro. Jeder soll automatisch lesen, dass ich ab dem 07.01. wieder da bin und sich in dringenden Fällen an Frau Albers wenden kann. Wo stelle ich das im Webmail ein?",
    ])
    func personMentioningAbsenceIsAnswered(_ body: String) throws {
        let result = try TriageFixtures.classifier().classify(TriageFixtures.message(subject: "Anfrage", body: body))
        #expect(result.category == .standard || result.category == .extended, "\(result.category): \(result.reasons.map(\.rule))")
    }

    /// Notice wording a person's question outweighs still makes the mail doubtful: an agent looks
    /// before anything but a receipt is sent, since a reply to a real notice would start a loop.
    @Test(arguments: [
        "Ich bin ab Montag im Urlaub. Bitte verlängern Sie vorher noch das Zertifikat für shop.example.org.",
        "I'm on parental leave until March. Could you send the invoices to my colleague instead?",
    ])
    func personMentioningAbsenceIsReviewed(_ body: String) throws {
        let result = try TriageFixtures.classifier().classify(TriageFixtures.message(subject: "Anfrage", body: body))
        #expect(result.category == .standard || result.category == .extended, "\(result.category)")
        #expect(result.needsReview, "\(result.reasons.map(\.rule))")
    }

    @Test func plainRequestIsNotReviewedForNoticeWords() throws {
        let result = try TriageFixtures.classifier().classify(TriageFixtures.message(
            subject: "SSL", body: "Wie aktiviere ich das SSL-Zertifikat für shop.example.org im Kundencenter?"))
        #expect(result.category == .standard && !result.needsReview, "\(result.reasons.map(\.rule))")
    }
}
