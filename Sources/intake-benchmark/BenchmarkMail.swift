/// The mail the benchmark puts in its mailbox: 5,000 of about 3 KB, each unique (its own sender,
/// so the per-recipient reply budget never holds a reply back).
enum BenchmarkMail {
    /// `delivered` (the default) is a support mail as it reaches the mailbox: trace, DKIM and
    /// authentication headers, a quoted-printable body with the request, a signature and the
    /// quoted earlier exchange, in four topics (German and English, standard and extended).
    /// `repeated` is the earlier synthetic shape: one German sentence 36 times, all of it the
    /// customer's own words, which is the classifier's worst case per byte.
    enum Shape: String {
        case delivered
        case repeated
    }

    static func make(_ number: Int, shape: Shape) -> [UInt8] {
        switch shape {
        case .delivered: delivered(number)
        case .repeated: repeated(number)
        }
    }

    private static func repeated(_ number: Int) -> [UInt8] {
        let header = "From: Customer \(number) <customer\(number)@example.net>\r\nTo: support@example-hosting.de\r\n"
            + "Subject: Benchmark request \(number)\r\nMessage-ID: <bench-\(number)@example.net>\r\n"
            + "Date: Mon, 2 Nov 2026 10:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        let line = "Mein Webspace \(number) ist nicht erreichbar, bitte helfen Sie mir schnell.\r\n"
        return Array((header + String(repeating: line, count: 36)).utf8)
    }

    /// A request in one of four topics; `=C3=BC` and friends are the UTF-8 umlauts, quoted-printable.
    private static let topics: [(subject: String, body: String, quoted: String)] = [
        ("Webspace nicht erreichbar",
         """
         Hallo liebes Support-Team,

         seit heute Morgen ist meine Website www.kunde{n}.de nicht mehr erreichbar. Im Browser kommt nur
         "500 Internal Server Error". Ich habe seit letzter Woche nichts ge=C3=A4ndert, auch keine
         Plugins aktualisiert. K=C3=B6nnen Sie bitte nachsehen, ob auf Ihrem Webserver etwas nicht
         stimmt? Die Seite ist f=C3=BCr unseren Verein wichtig, am Wochenende ist ein Turnier.
         """,
         "vielen Dank f=C3=BCr die schnelle Hilfe beim letzten Mal, das Postfach funktioniert wieder."),
        ("Mails kommen nicht an",
         """
         Guten Tag,

         seit gestern Abend kommen keine E-Mails mehr in meinem Postfach info@kunde{n}.de an. Absender
         bekommen keine Fehlermeldung, die Mails sind einfach weg. Im Webmail ist der Posteingang
         leer. Ist bei Ihrem Mailserver eine St=C3=B6rung bekannt? Ich warte auf wichtige Angebote.
         """,
         "anbei wie besprochen die Kundennummer f=C3=BCr die Rechnungsadresse."),
        ("Website broken after my changes",
         """
         Hi,

         I edited the .htaccess of www.customer{n}.com yesterday to add some redirects and since then
         every page shows a redirect loop. I also changed the PHP version in the customer center, not
         sure if that matters. Could you fix the configuration for me? I don't have a backup of the
         old file.
         """,
         "thanks, the domain transfer went through fine."),
        ("Datenbank versehentlich gelöscht",
         """
         Hallo,

         ich habe gestern in phpMyAdmin aus Versehen die Tabelle wp_posts unseres Blogs gel=C3=B6scht.
         Ein eigenes Backup habe ich leider nicht. K=C3=B6nnen Sie die Datenbank kunde{n}_wp auf den
         Stand von vorgestern zur=C3=BCcksetzen? Was w=C3=BCrde das kosten?
         """,
         "danke, die Rechnung ist angekommen."),
    ]

    private static func delivered(_ number: Int) -> [UInt8] {
        let topic = topics[number % topics.count]
        let english = topic.subject.hasPrefix("Website")
        let domain = "kunde\(number).example.net"
        let signature = english
            ? "Best regards\r\nJohn Customer \(number)\r\nCustomer Ltd. | 12 High Street | London\r\nPhone +44 20 7946 \(number % 10_000)"
            : "Mit freundlichen Gr=C3=BC=C3=9Fen\r\nMaria Kundin \(number)\r\nKundin GmbH | Hauptstra=C3=9Fe 1 | 10115 Berlin\r\nTel. +49 30 1234 \(number % 10_000)"
        let wrote = english ? "On 28 Oct 2026, at 09:14, Example Hosting Support wrote:" : "Am 28.10.2026 um 09:14 schrieb Example Hosting Support:"
        let quoted = [
            english ? "Dear customer," : "Sehr geehrte Kundin, sehr geehrter Kunde,",
            "",
            topic.quoted,
            english ? "Kind regards, your support team" : "Freundliche Gr=C3=BC=C3=9Fe, Ihr Support-Team",
            "--",
            "Example Hosting GmbH, Musterweg 5, 12345 Musterstadt, HRB 12345",
            "Gesch=C3=A4ftsf=C3=BChrer: Max Mustermann, Amtsgericht Musterstadt",
            "",
            english ? "> On 27 Oct 2026, at 18:02, John Customer wrote:" : "> Am 27.10.2026 um 18:02 schrieb Maria Kundin:",
            english ? "> Hello, could you please confirm that the transfer of my domain is complete? The registrar"
                : "> Hallo, k=C3=B6nnen Sie mir bitte best=C3=A4tigen, dass alles erledigt ist? Ich brauche die",
            english ? "> says it was sent on Friday. Thank you and have a nice weekend." : "> Best=C3=A4tigung f=C3=BCr unsere Buchhaltung. Vielen Dank und ein sch=C3=B6nes Wochenende.",
        ].map { "> " + $0 }.joined(separator: "\r\n")
        let dkim = String(repeating: "QmVuY2htYXJrRGtpbVNpZ25hdHVyZQ", count: 12)
        let header = """
            Return-Path: <customer\(number)@\(domain)>\r
            Delivered-To: support@example-hosting.de\r
            Received: from mx01.example-hosting.de (mx01.example-hosting.de [192.0.2.10])\r
            \tby mail.example-hosting.de (Postfix) with ESMTPS id 4Xb\(number)Q\r
            \tfor <support@example-hosting.de>; Mon, 2 Nov 2026 10:00:02 +0100 (CET)\r
            Received: from smtp.\(domain) (smtp.\(domain) [198.51.100.7])\r
            \tby mx01.example-hosting.de (Postfix) with ESMTPS id 4Xa\(number)P\r
            \tfor <support@example-hosting.de>; Mon, 2 Nov 2026 10:00:01 +0100 (CET)\r
            Authentication-Results: mx01.example-hosting.de; dkim=pass header.d=\(domain);\r
            \tspf=pass smtp.mailfrom=\(domain); dmarc=pass header.from=\(domain)\r
            DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=\(domain); s=mail;\r
            \tt=1793610000; h=From:To:Subject:Date:Message-ID:MIME-Version;\r
            \tbh=Ym9keWhhc2hCZW5jaG1hcmsgYm9keWhhc2g=;\r
            \tb=\(dkim.prefix(180))\r
            \t\(dkim.dropFirst(180))\r
            From: \(english ? "John" : "Maria") Customer \(number) <customer\(number)@\(domain)>\r
            To: Example Hosting Support <support@example-hosting.de>\r
            Subject: \(topic.subject) (Kd.-Nr. \(100_000 + number))\r
            Date: Mon, 2 Nov 2026 10:00:00 +0100\r
            Message-ID: <\(number).bench.\(number * 7919 % 100_003)@\(domain)>\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8; format=flowed\r
            Content-Transfer-Encoding: quoted-printable\r
            User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Thunderbird/128.4.0\r
            Content-Language: \(english ? "en-GB" : "de-DE")\r
            \r

            """
        let body = topic.body.replacingOccurrences(of: "{n}", with: String(number))
            .split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        return Array((header + body + "\r\n\r\n" + signature + "\r\n\r\n" + wrote + "\r\n" + quoted + "\r\n").utf8)
    }
}
