import Testing
import MailCore

@Suite("HTML to text (for HTML-only mail)")
struct HTMLTextTests {
    static let renderings: [Case<String, String>] = [
        Case("Tags are dropped, text kept", "<p>Hallo <b>Welt</b></p>", "Hallo Welt"),
        Case("script, style, head and title content is dropped",
             "<html><head><title>T</title><style>p{color:red}</style></head><body><script>var x=1;</script>Text</body></html>", "Text"),
        Case("Comments are dropped", "a<!-- hidden -->b", "ab"),
        Case("<br> is a line break", "eins<br>zwei<br/>drei", "eins\nzwei\ndrei"),
        Case("Paragraphs and divs start new lines", "<p>eins</p><p>zwei</p><div>drei</div>", "eins\n\nzwei\n\ndrei"),
        Case("List items become dash lines", "<ul><li>Eins</li><li>Zwei</li></ul>", "- Eins\n- Zwei"),
        Case("Links keep their text", "Siehe <a href=\"https://x.de\">Statusseite</a>.", "Siehe Statusseite."),
        Case("German named entities", "&auml;&ouml;&uuml;&Auml;&Ouml;&Uuml;&szlig;", "äöüÄÖÜß"),
        Case("&nbsp; is a space", "Sehr&nbsp;geehrte", "Sehr geehrte"),
        Case("Numeric references, decimal and hex", "&#8364; &#x20AC; &#228;", "€ € ä"),
        Case("Markup characters", "&lt;b&gt; &amp; &quot;x&quot;", "<b> & \"x\""),
        Case("Unknown entity stays literal", "AT&T &bogus;", "AT&T &bogus;"),
        Case("Whitespace collapses like a browser", "a \n\t  b", "a b"),
        Case("pre keeps whitespace", "<pre>a  b\nc</pre>", "a  b\nc"),
        Case("Table cells are separated", "<table><tr><td>a</td><td>b</td></tr></table>", "a b"),
        Case("Attributes with '>' inside quotes", "<a title=\"a>b\">x</a>", "x"),
        Case("Upper-case tags", "<P>eins</P><BR>zwei<SCRIPT>x</SCRIPT>", "eins\n\nzwei"),
        Case("A lone '<' is text", "a < b", "a < b"),
        Case("Unclosed comment runs to the end", "a<!-- b", "a"),
        Case("Outlook Word HTML", "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><style>@page {}</style></head><body lang=DE><div class=WordSection1><p class=MsoNormal>Guten Tag,<o:p></o:p></p><p class=MsoNormal>der Server antwortet nicht.<o:p></o:p></p></div></body></html>",
             "Guten Tag,\n\nder Server antwortet nicht."),
    ]

    @Test("HTMLText.render", arguments: renderings)
    func render(_ row: Case<String, String>) {
        #expect(HTMLText.render(row.input) == row.expected)
    }

    @Test("bodyText falls back to the rendered HTML body")
    func bodyTextFallback() {
        let message = parsed("Content-Type: text/html; charset=utf-8\n\n<p>Gr&uuml;&szlig;e</p>")
        #expect(message.textBody == nil)
        #expect(message.bodyText == "Grüße")
    }
}
