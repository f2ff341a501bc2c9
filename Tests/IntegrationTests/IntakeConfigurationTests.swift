import Foundation
import MailCore
import Testing
@testable import Gateway
import Tickets

/// Loading the gateway configuration: defaults, password precedence, and the log line format.
final class IntakeConfigurationTests {
    /// The files this test wrote, removed when it ends (a class, so that it has a deinit).
    private var written: [String] = []

    deinit {
        for path in written { try? FileManager.default.removeItem(atPath: path) }
    }

    static func write(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("intake-config-\(UUID().uuidString).json").path
        try json.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    func write(_ json: String) throws -> String {
        let path = try Self.write(json)
        written.append(path)
        return path
    }

    @Test("the example configuration in Config/ loads, with the documented defaults")
    func exampleConfiguration() throws {
        let path = IntakeCommandRunner.repositoryRoot.appendingPathComponent("Config/support-intake.json").path
        let configuration = try GatewayConfiguration.load(path: path, environment: [:])
        #expect(configuration.imap.mailbox == "INBOX")
        #expect(configuration.imap.quarantineMailbox == "Quarantine")
        #expect(configuration.imap.pollSeconds == 30)
        #expect(configuration.intake.maxAttempts == 3 && configuration.intake.batchSize == 250)
        #expect(configuration.database == "var/support-intake.sqlite")
        #expect(configuration.smtp?.url == "smtps://mail.example-hosting.de:465")
        #expect(configuration.quarterHourRateCents == 2500)
        #expect(configuration.billingTimeZone.identifier == "Europe/Berlin")
    }

    @Test("billing.timeZone takes IANA names; anything else is an error naming the key")
    func billingTimeZone() throws {
        let utc = try write(#"{"imap": {"url": "imaps://m", "username": "u"}, "database": "x", "billing": {"timeZone": "UTC"}}"#)
        #expect(try GatewayConfiguration.load(path: utc, environment: [:]).billingTimeZone.secondsFromGMT() == 0)
        let wrong = try write(#"{"imap": {"url": "imaps://m", "username": "u"}, "database": "x", "billing": {"timeZone": "Berlin"}}"#)
        #expect {
            try GatewayConfiguration.load(path: wrong, environment: [:])
        } throws: { error in
            "\(error)".contains("billing.timeZone") && "\(error)".contains("'Berlin' is not a time zone")
        }
    }

    @Test("the password comes from the environment, else password, else passwordFile (trailing newline dropped)")
    func passwordPrecedence() throws {
        let secretFile = try write("from-file\n")
        let path = try write("""
            {"imap": {"url": "imaps://mail.example/Support%20Box", "username": "u", "passwordFile": "\(secretFile)"},
             "database": "x.sqlite"}
            """)
        let fromFile = try GatewayConfiguration.load(path: path, environment: [:])
        #expect(try fromFile.imapPassword().value == "from-file")
        #expect(fromFile.imap.mailbox == "Support Box")
        let fromEnvironment = try GatewayConfiguration.load(
            path: path, environment: ["SUPPORT_INTAKE_IMAP_PASSWORD": "from-env"])
        #expect(try fromEnvironment.imapPassword().value == "from-env")
        #expect("\(try fromEnvironment.imapPassword())" == "•••")
    }

    @Test("a missing password is an error only when a connection needs it")
    func missingPassword() throws {
        let path = try write(#"{"imap": {"url": "imaps://mail.example", "username": "u"}, "database": "x"}"#)
        let configuration = try GatewayConfiguration.load(path: path, environment: [:])
        #expect {
            try configuration.imapPassword()
        } throws: { error in
            "\(error)".contains("SUPPORT_INTAKE_IMAP_PASSWORD")
        }
    }

    @Test("--config wins over SUPPORT_INTAKE_CONFIG, which wins over the default")
    func configPath() {
        #expect(GatewayConfiguration.path(option: "a.json", environment: ["SUPPORT_INTAKE_CONFIG": "b.json"]) == "a.json")
        #expect(GatewayConfiguration.path(option: nil, environment: ["SUPPORT_INTAKE_CONFIG": "b.json"]) == "b.json")
        #expect(GatewayConfiguration.path(option: nil, environment: [:]) == "Config/support-intake.json")
    }

    @Test("log lines: stable keys, values quoted and escaped so an event stays on one line")
    func logLine() {
        let event = LogEvent(.error, "poll.failed", ["reason": "login \"refused\"\nby server", "uid": "12", "empty": ""])
        #expect(StandardErrorLogSink.line(event, timestamp: "T")
            == #"ts=T level=error event=poll.failed reason="login \"refused\"\nby server" uid=12 empty="""#)
    }

    static let configFolder = IntakeCommandRunner.repositoryRoot.appendingPathComponent("Config")

    /// The intake's classifier as a configuration with the repository's rules and FAQ catalogue makes it.
    static func repositoryClassifier() throws -> IntakeCycle.Classify {
        let path = try Self.write("""
            {"imap": {"url": "imaps://mail.example", "username": "u"}, "database": "x",
             "rules": "\(configFolder.appendingPathComponent("rules.json").path)",
             "faq": "\(configFolder.appendingPathComponent("faq.json").path)"}
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try IntakeClassifier.make(try GatewayConfiguration.load(path: path, environment: [:]))
    }

    @Test("with rules and faq configured, the intake classifies: example mails map to handling or no ticket",
          arguments: [("standard-de.eml", Handling.standard, false), ("extended-en.eml", .extended, false),
                      ("out-of-office-de.eml", nil, true)])
    func classifierWiring(example: String, handling: Handling?, noTicket: Bool) throws {
        let classify = try Self.repositoryClassifier()
        let raw = try [UInt8](Data(contentsOf: Self.configFolder.appendingPathComponent("examples/\(example)")))
        let classification = try #require(try classify(MessageParser.parse(raw)))
        #expect(classification.suggestedHandling == handling)
        #expect(classification.needsNoTicket == noTicket)
        #expect(!classification.reasons.isEmpty)
        #expect((classification.machineEvidence > 0) == noTicket, "only the out-of-office reply reads like a machine")
    }

    @Test("a person who mentions a holiday while asking is a request, flagged for review with its machine evidence")
    func machineEvidenceOfPerson() throws {
        let classify = try Self.repositoryClassifier()
        let raw = Array(("From: Kunde <kunde@example.org>\r\nSubject: Zertifikat\r\nMessage-ID: <h-1@example.org>\r\n\r\n"
            + "Ich bin ab Montag im Urlaub und erst am 20. wieder im Büro. Können Sie vorher das SSL-Zertifikat "
            + "für meine Domain verlängern?\r\n").utf8)
        let classification = try #require(try classify(MessageParser.parse(raw)))
        #expect(classification.suggestedHandling == .standard)
        #expect(classification.needsReview && classification.machineEvidence > 0)
    }

    @Test("a rules file that cannot be read is a configuration error naming it")
    func missingRules() throws {
        let path = try write("""
            {"imap": {"url": "imaps://mail.example", "username": "u"}, "database": "x",
             "rules": "/nonexistent/rules.json", "faq": "/nonexistent/faq.json"}
            """)
        let configuration = try GatewayConfiguration.load(path: path, environment: [:])
        #expect {
            try IntakeClassifier.make(configuration)
        } throws: { error in
            "\(error)".contains("/nonexistent/rules.json")
        }
    }
}
