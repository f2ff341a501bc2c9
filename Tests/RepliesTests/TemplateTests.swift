import Foundation
import Testing
@testable import Replies

@Suite("Reply templates")
struct TemplateTests {
    static let faqVariables = ReplyKind.faqReply.variables

    @Test("values, conditionals and lists render")
    func rendersPlaceholders() throws {
        let template = try Template(name: "t", source: """
            Re: {{original_subject}} [Ticket#{{ticket_number}}]

            Hallo{{#if customer_name}} {{customer_name}}{{else}} zusammen{{/if}}!
            {{#each faq}}- {{.title}}: {{.url}}
            {{/each}}
            """, variables: Self.faqVariables)
        let faq: TemplateValue = .list([["id": "1", "title": "Login", "url": "https://x/1"],
                                        ["id": "2", "title": "DNS", "url": "https://x/2"]])
        let named = template.render(["original_subject": .text("Hilfe"), "ticket_number": .text("7"),
                                     "customer_name": .text("Frau Weiß"), "faq": faq])
        #expect(named.subject == "Re: Hilfe [Ticket#7]")
        #expect(named.body == "Hallo Frau Weiß!\n- Login: https://x/1\n- DNS: https://x/2\n")
        let anonymous = template.render(["customer_name": .text(""), "faq": .list([])])
        #expect(anonymous.body == "Hallo zusammen!\n")
    }

    @Test("mistakes are errors at load time, with the line", arguments: [
        ("S\n\nHallo {{custmer_name}}", 3, "unknown placeholder 'custmer_name'"),
        ("S\n\n{{#if faq}}offen", 3, "never closed"),
        ("S\n\n{{/each}}", 3, "closes nothing"),
        ("S\n\nx\n{{#each ticket_number}}{{/each}}", 4, "not a list"),
        ("S\n\n{{#each faq}}{{.name}}{{/each}}", 3, "unknown field"),
        ("S\n\n{{faq}}", 3, "is a list"),
        ("S\n\n{{#if faq}}{{/each}}", 3, "does not match"),
        ("S\n\n{{ticket_number", 3, "without a closing"),
        ("Subject only", 1, "subject on the first line"),
        ("S\nnot blank", 2, "must be blank"),
    ])
    func rejectsBadTemplates(source: String, line: Int, problem: String) {
        #expect {
            _ = try Template(name: "bad", source: source, variables: Self.faqVariables)
        } throws: { error in
            guard let error = error as? TemplateError else { return false }
            return error.line == line && error.problem.contains(problem)
        }
    }

    @Test("the shipped Templates/ load: every kind, every language")
    func shippedTemplatesLoad() throws {
        let catalog = try TemplateCatalog(sources: ShippedTemplates.load())
        for kind in ReplyKind.allCases {
            for language in TemplateCatalog.languages {
                let rendered = catalog.template(kind, language: language).render(["ticket_number": .text("123")])
                #expect(rendered.subject.contains("[Ticket#123]"), "\(language)/\(kind.rawValue)")
                #expect(!rendered.body.contains("{{"), "\(language)/\(kind.rawValue)")
            }
        }
    }

    @Test("a missing template is an error naming it")
    func missingTemplate() throws {
        var sources = try ShippedTemplates.load()
        sources["en/received"] = nil
        #expect(throws: TemplateError.self) { _ = try TemplateCatalog(sources: sources) }
    }

    @Test("unknown languages fall back to German")
    func germanDefault() throws {
        let catalog = try TemplateCatalog(sources: ShippedTemplates.load())
        #expect(catalog.template(.received, language: "fr").name == "de/received")
        #expect(catalog.template(.received, language: "en").name == "en/received")
    }
}

/// Reads the repository's Templates/ folder, as the gateway does at start-up.
enum ShippedTemplates {
    static func load() throws -> [String: String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Templates")
        var sources: [String: String] = [:]
        for language in TemplateCatalog.languages {
            for kind in ReplyKind.allCases {
                let file = root.appendingPathComponent(language).appendingPathComponent(kind.rawValue + ".txt")
                sources["\(language)/\(kind.rawValue)"] = try String(contentsOf: file, encoding: .utf8)
            }
        }
        return sources
    }
}
