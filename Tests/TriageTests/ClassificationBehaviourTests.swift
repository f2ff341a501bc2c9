import MailCore
import Testing
@testable import Triage

/// Decisions of classification-policy.md, each on a small mail.
@Suite struct ClassificationBehaviourTests {
    static func classify(_ message: ParsedMessage) throws -> Classification {
        try TriageFixtures.classifier().classify(message)
    }

    @Test func negationCancelsASelfInflictedAction() throws {
        let result = try Self.classify(TriageFixtures.message(
            subject: "Server weg", body: "Der Server ist nicht erreichbar. Ich habe NICHT an iptables gedreht."))
        #expect(result.category == .standard)
        let lockout = try #require(result.reasons.first { $0.rule == "self_lockout" })
        #expect(lockout.weight == 0 && lockout.note?.contains("negated") == true)
    }

    @Test(arguments: [
        ("I deleted all mails in the inbox, please restore them.", TriageCategory.extended),
        ("You deleted all mails in my inbox during your migration, I did not change anything.", TriageCategory.standard),
        ("Ich habe alle Mails gelöscht, bitte stellen Sie sie wieder her.", TriageCategory.extended),
        ("Sie haben bei der Umstellung alle meine Mails gelöscht. Ich habe nichts gemacht.", TriageCategory.standard),
    ])
    func attributionDecidesWhoseFaultItIs(_ body: String, _ expected: TriageCategory) throws {
        #expect(try Self.classify(TriageFixtures.message(subject: "Mails", body: body)).category == expected)
    }

    @Test(arguments: ["AW: [Ticket#4711] Frage", "RE: WG: Fwd: [Ticket#4711] Frage", "Antw: [ticket#4711] Frage", "[Ticket#4711]"])
    func ticketTagMakesAFollowup(_ subject: String) throws {
        let result = try Self.classify(TriageFixtures.message(subject: subject, body: "Danke, hat geklappt!"))
        #expect(result.category == .followup)
        #expect(result.ticketNumber == "4711")
    }

    @Test func thanksWithoutTagIsIgnored() throws {
        #expect(try Self.classify(TriageFixtures.message(subject: "Danke", body: "Danke, hat geklappt!")).category == .ignore)
    }

    @Test func autoReplyWithTicketTagIsAutomated() throws {
        let result = try Self.classify(TriageFixtures.message(
            subject: "Automatische Antwort: [Ticket#4711] Frage", body: "Ich bin bis Montag nicht im Büro.",
            headers: [("Auto-Submitted", "auto-replied")]))
        #expect(result.category == .automated)
        #expect(result.ticketNumber == nil)
        #expect(result.faq.isEmpty)
    }

    @Test func htmlOnlyMailIsReadThroughTheParserRendering() throws {
        var message = TriageFixtures.message(subject: "Hilfe", body: "")
        message.textBody = nil
        message.htmlBody = "<html><body><p>Seit heute ist der <b>Mailserver</b> nicht erreichbar.</p></body></html>"
        let result = try Self.classify(message)
        #expect(result.category == .standard)
        #expect(result.faq.first?.id == 1008)
    }

    @Test func forwardedPhishingIsStandardWithoutFAQ() throws {
        let result = try Self.classify(TriageFixtures.message(subject: "WG: Konto gesperrt", body: """
            Ist diese Mail wirklich von Ihnen?

            ---------- Weitergeleitete Nachricht ---------
            Ihr Konto wird gesperrt. Klicken Sie hier.
            """))
        #expect(result.category == .standard)
        #expect(result.faq.isEmpty)
    }

    @Test func directPhishingIsIgnored() throws {
        let result = try Self.classify(TriageFixtures.message(
            subject: "Konto gesperrt", body: "Sehr geehrter Kunde, Ihr Konto wird gesperrt. Klicken Sie hier, um Ihre Daten zu bestätigen."))
        #expect(result.category == .ignore)
    }

    @Test func vagueMailIsStandardWithoutFAQAndFlagged() throws {
        let result = try Self.classify(TriageFixtures.message(subject: "HILFE", body: "Nichts geht mehr!!!"))
        #expect(result.category == .standard)
        #expect(result.faq.isEmpty)
        #expect(result.needsReview)
        #expect(result.confidence < 0.5)
    }

    @Test func contradictoryEvidenceNeedsReview() throws {
        let result = try Self.classify(TriageFixtures.message(subject: "Zwei Fragen", body: """
            Wie richte ich mein Postfach in Outlook ein? Und bitte passen Sie das Layout und das CSS meiner WordPress-Seite an.
            """))
        #expect(result.category == .extended)
        #expect(result.needsReview)
    }

    @Test func clearStandardRequestIsConfident() throws {
        let result = try Self.classify(TriageFixtures.message(
            subject: "Störung", body: "Seit Ihrer Wartung ist der Mailserver nicht erreichbar. Wir haben nichts geändert."))
        #expect(result.category == .standard)
        #expect(!result.needsReview)
        #expect(result.confidence > 0.8)
        #expect(result.faq.first?.id == 1008)
    }

    @Test func faqTitlesFollowTheLanguage() throws {
        let english = try Self.classify(TriageFixtures.message(subject: "SSL", body: "How do I enable the SSL certificate for my domain?"))
        #expect(english.language == "en")
        #expect(english.faq.first?.title == "Enable an SSL certificate")
        let german = try Self.classify(TriageFixtures.message(subject: "SSL", body: "Wie aktiviere ich das SSL-Zertifikat für meine Domain?"))
        #expect(german.faq.first?.title == "SSL-Zertifikat aktivieren")
    }

    @Test(arguments: [
        ("Wie kann ich das Backup von gestern selbst zurückspielen?", TriageCategory.standard),
        ("Bitte spielen Sie das Backup von gestern für mich zurück.", TriageCategory.extended),
    ])
    func restoreGuidanceVersusRestoreByStaff(_ body: String, _ expected: TriageCategory) throws {
        #expect(try Self.classify(TriageFixtures.message(subject: "Backup", body: body)).category == expected)
    }
}
