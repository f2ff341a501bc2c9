import Foundation
import Testing
@testable import Triage

/// Folding, compounds, inflections, sentences and the customer's own words.
@Suite struct TextNormalisationTests {
    static func matches(_ pattern: String, _ text: String) throws -> Bool {
        let compiled = try PhrasePattern.parse(pattern).get()
        return TokenizedText(text).firstMatch(compiled) != nil
    }

    @Test(arguments: ["Störung", "Stoerung", "STÖRUNG", "störungen", "Störungsmeldung"])
    func umlautsAndCaseFold(_ word: String) throws {
        #expect(try Self.matches("stoerung*", "Es gibt eine \(word) beim Versand."))
    }

    @Test(arguments: ["Mailserver", "Mail-Server", "mail server", "MAILSERVER", "Mail Servers"])
    func compoundsMatchWrittenTogetherOrApart(_ word: String) throws {
        #expect(try Self.matches("mailserver*", "Der \(word) ist weg."))
    }

    @Test func sharpSAndAccentsFold() throws {
        #expect(try Self.matches("gruesse", "Viele Grüße"))
        #expect(try Self.matches("strasse", "Große Straße 4"))
        #expect(try Self.matches("*strasse", "Hauptstraße 4"))
        #expect(try Self.matches("cafe", "Café Süß"))
        #expect(try Self.matches("didnt", "I didn’t change it"))
    }

    @Test func exactTermsDoNotMatchLongerWords() throws {
        #expect(try !Self.matches("down", "Ich habe die Datei downgeloadet"))
        #expect(try Self.matches("down*", "Ich habe die Datei downgeloadet"))
        #expect(try Self.matches("*server", "Der Firmenserver"))
    }

    @Test func phrasesStayInsideOneSentence() throws {
        #expect(try Self.matches("ich .. geloescht", "Ich habe gestern alles gelöscht."))
        #expect(try !Self.matches("ich .. geloescht", "Ich war im Urlaub. Danach war alles gelöscht."))
        #expect(try Self.matches("ticket nr <num>", "Siehe Ticket-Nr. 4711 von gestern"))
        #expect(try Self.matches("email", "Meine E-Mail-Adresse"))
    }

    @Test func numbersAreCaptured() throws {
        let pattern = try PhrasePattern.parse("ticket <num>").get()
        let text = TokenizedText("bezüglich Ticket#52433 gibt es Neues?")
        #expect(text.firstMatch(pattern)?.number == "52433")
    }

    @Test(arguments: [("until the 9th", true), ("bis 14.07.", true), ("till the 21st", true), ("until the 9x", false),
                      ("bis 2026", false), ("until the 123rd", false)])
    func daysAreNumbersOrOrdinals(_ text: String, _ matches: Bool) throws {
        let pattern = try PhrasePattern.parse("until|till|bis .. <day>").get()
        #expect((TokenizedText(text).firstMatch(pattern) != nil) == matches)
    }

    @Test(arguments: [
        ("Hallo, ich habe eine Frage zu meinem Postfach und wie das geht.", "de"),
        ("Hello, I have a question about my mailbox and how it works.", "en"),
        ("Mailserver down", "de"),
    ])
    func languageDetection(_ text: String, _ language: String) {
        #expect(LanguageDetector.detect(TokenizedText(text)) == language)
    }

    @Test(arguments: [
        "Danke!\n\nAm 12.05.2026 um 14:02 schrieb Support <s@x.de>:\n> Ihr Mailserver ist gehackt",
        "Danke!\n\nOn Tue, May 12, 2026 at 2:02 PM Support <s@x.de> wrote:\n> Ihr Mailserver ist gehackt",
        "Danke!\n\n-----Ursprüngliche Nachricht-----\nVon: Support\nIhr Mailserver ist gehackt",
        "Danke!\n\n-----Original Message-----\nFrom: Support\nIhr Mailserver ist gehackt",
        "Danke!\n\nVon: Support <s@x.de>\nGesendet: Dienstag, 12. Mai 2026\nAn: k@x.de\nIhr Mailserver ist gehackt",
        "Danke!\n> Ihr Mailserver ist gehackt\n> noch mehr",
        "Danke!\n-- \nMax Muster, Ihr Mailserver ist gehackt GmbH",
        "Danke!\n\nMit freundlichen Grüßen\nMax Muster\nIhr Mailserver ist gehackt GmbH",
    ])
    func quotesAndSignaturesAreNotOwnWords(_ body: String) {
        let own = OwnWords(body)
        #expect(own.text.trimmingCharacters(in: .whitespacesAndNewlines) == "Danke!")
        #expect(!own.text.contains("gehackt"))
    }

    @Test func greetingsInsideTextAreNotSignatures() {
        let own = OwnWords("Grüße aus München, unser Shop ist seit heute offline und zeigt Fehler 503.")
        #expect(own.text.contains("offline"))
    }
}
