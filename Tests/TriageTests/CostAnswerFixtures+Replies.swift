/// The replies, grouped by what they say. Each one is a mail a customer could really send.
extension CostAnswerFixtures {
    static let acceptances: [Reply] = [
        Reply(name: "German one-liner over a Thunderbird quote", raw: message("""
            Ja, einverstanden.

            Viele Grüße
            Max Müller

            \(thunderbirdAttribution)
            \(quoted(germanNotice))
            """), expected: .accepted("Ja, einverstanden")),
        Reply(name: "a bare word", raw: message("Einverstanden"), expected: .accepted("Einverstanden")),
        Reply(name: "full German sentence, then a request to start", raw: message("""
            Hallo zusammen,

            ich bin damit einverstanden, bitte beginnen Sie so bald wie möglich. Die Seite ist seit gestern offline.

            Gruß Max
            """), expected: .accepted("ich bin damit einverstanden")),
        Reply(name: "agreeing to the costs", raw: message("Hallo, ich stimme den Kosten zu.\n\nMfG\nM. Müller"),
              expected: .accepted("ich stimme den Kosten zu")),
        Reply(name: "ok, einverstanden", raw: message("Ok, einverstanden!"), expected: .accepted("Ok, einverstanden")),
        Reply(name: "ja, bitte beginnen", raw: message("Ja, bitte beginnen Sie."), expected: .accepted("Ja, bitte beginnen Sie")),
        Reply(name: "Sie können gerne anfangen", raw: message("Danke für die schnelle Antwort. Sie können gerne anfangen."),
              expected: .accepted("Sie können gerne anfangen")),
        Reply(name: "no problem, then accepted", raw: message("Kein Problem ich bin einverstanden"),
              expected: .accepted("Kein Problem ich bin einverstanden")),
        Reply(name: "English over a Gmail quote", raw: message("""
            Yes, I accept. Let me know if you need the FTP password.

            Jane

            \(gmailAttribution)

            \(quoted(englishNotice))
            """, subject: "Re: Site hacked [Ticket#4711]", mailer: "Gmail"), expected: .accepted("Yes, I accept")),
        Reply(name: "please go ahead", raw: message("Please go ahead.\n\nBest regards,\nJane", subject: "RE: [Ticket#4711]"),
              expected: .accepted("Please go ahead")),
        Reply(name: "agreed, please proceed", raw: message("Agreed, please proceed."), expected: .accepted("Agreed")),
        Reply(name: "I agree to the charges", raw: message("Hi, I agree to the charges. The shop must be back by Monday."),
              expected: .accepted("I agree to the charges")),
        Reply(name: "Outlook with an original-message separator", raw: message("""
            Ja, einverstanden

            Max Müller
            Geschäftsführer

            \(outlookGermanHeader)

            \(germanNotice)
            """, mailer: "Microsoft Outlook 16.0"), expected: .accepted("Ja, einverstanden")),
        Reply(name: "Outlook header block without a separator", raw: message("""
            I accept.

            \(outlookEnglishHeader)

            \(englishNotice)
            """, subject: "RE: Site hacked [Ticket#4711]", mailer: "Microsoft Outlook 16.0"),
              expected: .accepted("I accept")),
        Reply(name: "HTML only, Gmail quote", raw: message("""
            <div dir="ltr"><div>Ja, einverstanden.</div><div><br></div><div>Gruß Max</div></div><br>\
            <div class="gmail_quote"><div dir="ltr" class="gmail_attr">Am So., 29. Nov. 2026 um 10:15 Uhr schrieb \
            Support &lt;<a href="mailto:support@example.net">support@example.net</a>&gt;:<br></div>\
            <blockquote class="gmail_quote">Wir beginnen erst, wenn Sie den Kosten zugestimmt haben. Antworten Sie \
            dazu bitte auf diese E-Mail mit &quot;Ja, einverstanden&quot; und lassen Sie &quot;[Ticket#4711]&quot; \
            im Betreff stehen.</blockquote></div>
            """, contentType: "text/html; charset=utf-8"), expected: .accepted("Ja, einverstanden")),
        Reply(name: "HTML only, a bare blockquote the quote rules cannot see", raw: message("""
            <p>Einverstanden, bitte loslegen.</p><blockquote type="cite"><p>Wir beginnen erst, wenn Sie den \
            Kosten zugestimmt haben. Antworten Sie dazu bitte auf diese E-Mail mit „Ja, einverstanden“ und \
            lassen Sie „[Ticket#4711]“ im Betreff stehen. Ohne Ihre Zustimmung entstehen Ihnen keine Kosten.</p></blockquote>
            """, contentType: "text/html; charset=utf-8"), expected: .accepted("Einverstanden")),
        Reply(name: "a request after the acceptance", raw: message("""
            Ich bin mit den Kosten einverstanden. Bitte rufen Sie mich vorher kurz an, falls Sie Zugangsdaten brauchen.
            """), expected: .accepted("Ich bin mit den Kosten einverstanden")),
        Reply(name: "quoted-printable umlauts", raw: message("""
            Ich bin einverstanden. Bitte pr=C3=BCfen Sie vor allem die Datenbank.

            Sch=C3=B6ne Gr=C3=BC=C3=9Fe
            """, encoding: "quoted-printable"), expected: .accepted("Ich bin einverstanden")),
        Reply(name: "an earlier refusal in the quoted thread does not count", raw: message("""
            Ok, einverstanden.

            \(thunderbirdAttribution)
            > Wir können Ihnen entgegenkommen und berechnen höchstens zwei Viertelstunden.
            >
            > Am 28.11.2026 um 18:00 schrieb Max Müller:
            >> Nein danke, das ist mir zu teuer.
            """), expected: .accepted("Ok, einverstanden")),
        Reply(name: "an earlier refusal below an Outlook separator does not count", raw: message("""
            Fine, I accept.

            -----Original Message-----
            From: Jane Doe <jane@example.com>
            Sent: Saturday, November 28, 2026 6:00 PM
            To: Example Hosting Support <support@example.net>
            Subject: RE: Site hacked [Ticket#4711]

            I decline. This is too expensive for a small blog.
            """, subject: "RE: Site hacked [Ticket#4711]", mailer: "Microsoft Outlook 16.0"),
              expected: .accepted("Fine, I accept")),
        Reply(name: "the requested phrase written in quotation marks", raw: message("\"Ja, einverstanden\""),
              expected: .accepted("Ja, einverstanden")),
        Reply(name: "a signature that refuses consulting does not count", raw: message("""
            Einverstanden.

            --
            Max Müller · Müller Webdesign
            Keine kostenpflichtige Erstberatung ohne Auftrag!
            """), expected: .accepted("Einverstanden")),
    ]

    static let refusals: [Reply] = [
        Reply(name: "nein danke", raw: message("Nein danke, das mache ich selbst.\n\n\(thunderbirdAttribution)\n\(quoted(germanNotice))"),
              expected: .refused("Nein danke")),
        Reply(name: "nicht einverstanden", raw: message("Damit bin ich nicht einverstanden. Das ist Ihr Fehler!"),
              expected: .refused("Damit bin ich nicht einverstanden")),
        Reply(name: "negation at the end of the clause", raw: message("Einverstanden bin ich damit nicht."),
              expected: .refused("Einverstanden bin ich damit nicht")),
        Reply(name: "not agreeing", raw: message("Ich stimme nicht zu."), expected: .refused("Ich stimme nicht zu")),
        Reply(name: "ich lehne ab", raw: message("Ich lehne ab.\n\nMit freundlichen Grüßen\nMax Müller"),
              expected: .refused("Ich lehne ab")),
        Reply(name: "no paid support", raw: message("Ich möchte keine kostenpflichtige Unterstützung, bitte schließen Sie das Ticket."),
              expected: .refused("Ich möchte keine kostenpflichtige Unterstützung")),
        Reply(name: "please do not start", raw: message("Bitte nicht beginnen, ich kläre das erst intern."),
              expected: .refused("Bitte nicht beginnen")),
        Reply(name: "I do not accept", raw: message("I do not accept these charges.\n\n\(gmailAttribution)\n\(quoted(englishNotice))"),
              expected: .refused("I do not accept these charges")),
        Reply(name: "I don't accept", raw: message("I don’t accept."), expected: .refused("I don’t accept")),
        Reply(name: "please don't go ahead", raw: message("Please don't go ahead, my colleague will fix it."),
              expected: .refused("Please don't go ahead")),
        Reply(name: "please don't proceed", raw: message("Please do not proceed."), expected: .refused("Please do not proceed")),
        Reply(name: "no thanks", raw: message("No thanks, I'll restore the backup myself."), expected: .refused("No thanks")),
        Reply(name: "I decline", raw: message("I decline.\n\nRegards,\nJane"), expected: .refused("I decline")),
        Reply(name: "not agreeing, blaming the provider", raw: message("I do not agree with the costs, this is your fault."),
              expected: .refused("I do not agree with the costs")),
        Reply(name: "too expensive", raw: message("Das ist mir zu teuer."), expected: .refused("Das ist mir zu teuer")),
    ]

    static let nonAnswers: [Reply] = [
        Reply(name: "a question about the price", raw: message("Was kostet das genau?\n\n\(thunderbirdAttribution)\n\(quoted(germanNotice))"),
              expected: .noAnswer),
        Reply(name: "asking whether to write the phrase", raw: message("Muss ich wirklich mit „Ja, einverstanden“ antworten?"),
              expected: .noAnswer),
        Reply(name: "mentioning the phrase", raw: message("""
            Sie schreiben, ich soll mit "Ja, einverstanden" antworten. Ich möchte erst wissen, wie lange das dauert.
            """), expected: .noAnswer),
        Reply(name: "a condition", raw: message("Einverstanden, wenn es nicht mehr als eine Stunde dauert."), expected: .noAnswer),
        Reply(name: "a cap on the hours", raw: message("Ich bin einverstanden, aber höchstens zwei Stunden."), expected: .noAnswer),
        Reply(name: "an English condition", raw: message("If it stays below 50 EUR, I accept."), expected: .noAnswer),
        Reply(name: "undecided", raw: message("Ich weiß nicht, ob ich einverstanden bin."), expected: .noAnswer),
        Reply(name: "accepting and refusing", raw: message("Ja, einverstanden. Nein, doch nicht, zu teuer."), expected: .noAnswer),
        Reply(name: "only the quoted notice says it", raw: message("Danke für die Info.\n\n\(thunderbirdAttribution)\n\(quoted(germanNotice))"),
              expected: .noAnswer),
        Reply(name: "thinking about it", raw: message("Thanks. Let me think about it and get back to you."), expected: .noAnswer),
        Reply(name: "a slogan in the signature", raw: message("""
            Wie lange dauert das ungefähr?

            Gruß
            Anna Schmidt
            Schmidt & Partner – gemeinsam einverstanden seit 1998
            """), expected: .noAnswer),
        Reply(name: "more details, no answer", raw: message("""
            Hier noch die Fehlermeldung aus dem Log:
            Start: 10:02 Verbindung abgelehnt, der Server akzeptiert das Passwort nicht.
            """), expected: .noAnswer),
    ]
}
