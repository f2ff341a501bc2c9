import Foundation
import Testing

/// With replies on, a configuration that would put a blank into a customer's mail stops the
/// gateway at start-up (exit 2), naming the file and what is wrong; nothing is fetched.
struct ReplySetupTests {
    /// A config with an smtp section pointing at nothing (start-up fails before any connection).
    static func config(_ folder: URL, templates: String, extra: String = "") throws -> String {
        let root = IntakeCommandRunner.repositoryRoot.path
        let path = folder.appendingPathComponent("config.json").path
        try """
            {"imap": {"url": "imap://127.0.0.1:1/INBOX", "username": "support", "password": "x", "allowInsecure": true},
             "smtp": {"url": "smtp://127.0.0.1:1", "allowInsecure": true},
             "support": {"address": "support@example-hosting.de", "name": "Support"},
             "database": "\(folder.path)/tickets.sqlite", "templates": "\(templates)",
             "faq": "\(root)/Config/faq.json", "rules": "\(root)/Config/rules.json"\(extra)}
            """.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reply-setup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("an unknown placeholder in a template is a start-up error naming the template and line")
    func unknownPlaceholder() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: IntakeCommandRunner.repositoryRoot.appendingPathComponent("Templates"), to: templates)
        let broken = templates.appendingPathComponent("en/faq-reply.txt")
        try (try String(contentsOf: broken, encoding: .utf8) + "Your contract: {{contract_number}}\n")
            .write(to: broken, atomically: false, encoding: .utf8)
        let config = try Self.config(folder, templates: templates.path, extra: #", "billing": {"quarterHourRateCents": 2500}"#)
        let result = try IntakeCommandRunner().run(["poll", "--once", "--config", config])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("en/faq-reply") && result.stderr.contains("contract_number"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("tickets.sqlite").path))
    }

    @Test("replies without a rate for the cost notice are refused at start-up")
    func missingRate() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try Self.config(folder, templates: IntakeCommandRunner.repositoryRoot.appendingPathComponent("Templates").path)
        let result = try IntakeCommandRunner().run(["poll", "--once", "--config", config])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("billing.quarterHourRateCents"), "\(result.stderr)")
    }
}
