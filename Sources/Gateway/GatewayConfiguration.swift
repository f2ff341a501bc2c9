public import Foundation
public import Tickets

/// The gateway's configuration file (contracts/cli.md), checked when loaded.
///
/// Relative paths (`database`, `templates`, `faq`, `rules`, `passwordFile`, `caFile`) resolve
/// against the current working directory, as in every other command-line tool: run the gateway
/// from its installation folder (systemd `WorkingDirectory=`), or write absolute paths.
public struct GatewayConfiguration: Sendable {
    /// Where a password comes from; read only when a connection needs it.
    public enum PasswordSource: Sendable {
        case value(Secret)
        case file(String)
        case none
    }

    /// A mail server account (the IMAP mailbox or the SMTP relay).
    public struct Account: Sendable {
        public var url: String
        public var username: String
        public var password: PasswordSource
        public var caFile: String?
        public var allowInsecure: Bool
    }

    /// The IMAP side and the intake knobs that belong to it.
    public struct IMAP: Sendable {
        public var account: Account
        /// The mailbox named by the URL path (percent-decoded), INBOX when there is none.
        public var mailbox: String
        public var processedMailbox: String?
        public var quarantineMailbox: String?
        public var pollSeconds: Double
        public var maxMessageBytes: Int
        public var maxAttempts: Int
        public var batchSize: Int
        public var connectTimeout: Double?
        public var responseTimeout: Double?
    }

    public var path: String
    public var imap: IMAP
    public var smtp: Account?
    public var supportAddress: String?
    public var supportName: String?
    public var database: String
    public var templates: String?
    public var faq: String?
    public var rules: String?
    public var billingCurrency: String
    public var quarterHourRateCents: Int?
    /// Whose calendar months the billing report uses (`billing.timeZone`).
    public var billingTimeZone: TimeZone
    /// The provider is a German host: its months begin at midnight in Berlin.
    public static let defaultBillingTimeZone = "Europe/Berlin"

    /// The intake cycle's settings.
    public var intake: IntakeConfiguration {
        IntakeConfiguration(
            mailboxes: [imap.mailbox], batchSize: imap.batchSize, maxMessageBytes: imap.maxMessageBytes,
            maxAttempts: imap.maxAttempts, processedMailbox: imap.processedMailbox,
            quarantineMailbox: imap.quarantineMailbox)
    }

    /// The IMAP password, read now (from the environment, the file or the value, in that order
    /// of precedence as resolved at load time).
    public func imapPassword() throws -> Secret {
        try GatewayConfiguration.read(imap.account.password, key: "imap", configPath: path)
    }

    public func smtpPassword() throws -> Secret {
        guard let smtp else { throw ConfigurationError(path: path, key: "smtp", problem: "is missing") }
        return try GatewayConfiguration.read(smtp.password, key: "smtp", configPath: path)
    }

    static func read(_ source: PasswordSource, key: String, configPath: String) throws -> Secret {
        switch source {
        case .value(let secret):
            return secret
        case .file(let file):
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ConfigurationError(path: configPath, key: "\(key).passwordFile", problem: "cannot read \(file)")
            }
            let text = String(decoding: data, as: UTF8.self)
            return Secret(String(text.reversed().drop { $0 == "\n" || $0 == "\r" }.reversed()))
        case .none:
            throw ConfigurationError(
                path: configPath, key: "\(key).password",
                problem: "no password: set \(key).passwordFile, \(key).password or SUPPORT_INTAKE_\(key.uppercased())_PASSWORD")
        }
    }
}

/// A configuration problem: which file, which key, what is wrong (exit status 2).
public struct ConfigurationError: Error, CustomStringConvertible {
    public var path: String
    public var key: String?
    public var problem: String

    public var description: String {
        if let key { return "configuration \(path): \(key) \(problem)" }
        return "configuration \(path): \(problem)"
    }
}
