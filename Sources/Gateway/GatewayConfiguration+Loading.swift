import Foundation
import Tickets

extension GatewayConfiguration {
    /// Where the configuration is read from when `--config` is not given and
    /// `SUPPORT_INTAKE_CONFIG` is not set.
    public static let defaultPath = "Config/support-intake.json"
    public static let defaultPollSeconds = 30.0

    /// The path per cli.md: `--config F`, else `$SUPPORT_INTAKE_CONFIG`, else `defaultPath`.
    public static func path(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let variable = environment["SUPPORT_INTAKE_CONFIG"], !variable.isEmpty { return variable }
        return defaultPath
    }

    /// Reads and checks the file at `path`; `environment` supplies the password overrides.
    public static func load(path: String, environment: [String: String]) throws -> GatewayConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(path: path, key: nil, problem: "cannot be read (missing or not permitted)")
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ConfigurationError(path: path, key: nil, problem: "is not valid JSON (\(error.localizedDescription))")
        }
        guard let object = parsed as? [String: Any] else {
            throw ConfigurationError(path: path, key: nil, problem: "must hold a JSON object")
        }
        let root = ConfigurationReader(path: path, object: object)
        guard let imapSection = try root.section("imap") else {
            throw ConfigurationError(path: path, key: "imap", problem: "is missing")
        }
        let support = try root.section("support")
        let billing = try root.section("billing")
        return GatewayConfiguration(
            path: path,
            imap: try imap(imapSection, environment: environment),
            smtp: try root.section("smtp").map {
                // A relay that takes mail without AUTH (a local MTA) needs no username.
                try account($0, schemes: ["smtp", "smtps"], passwordVariable: "SUPPORT_INTAKE_SMTP_PASSWORD",
                            environment: environment, usernameRequired: false)
            },
            supportAddress: try support?.string("address"), supportName: try support?.string("name"),
            database: try root.requiredString("database"), templates: try root.string("templates"),
            faq: try root.string("faq"), rules: try root.string("rules"),
            billingCurrency: try billing?.string("currency") ?? "EUR",
            quarterHourRateCents: try billing?.number("quarterHourRateCents").map { Int($0) },
            billingTimeZone: try billing?.timeZone("timeZone", default: Self.defaultBillingTimeZone)
                ?? TimeZone(identifier: Self.defaultBillingTimeZone) ?? TimeZone(secondsFromGMT: 0) ?? .current)
    }

    private static func imap(_ section: ConfigurationReader, environment: [String: String]) throws -> IMAP {
        let account = try account(
            section, schemes: ["imap", "imaps"], passwordVariable: "SUPPORT_INTAKE_IMAP_PASSWORD", environment: environment)
        let components = URLComponents(string: account.url)
        let path = components?.percentEncodedPath.split(separator: ";").first.map(String.init) ?? ""
        let name = String(path.drop { $0 == "/" })
        return IMAP(
            account: account, mailbox: name.isEmpty ? "INBOX" : (name.removingPercentEncoding ?? name),
            processedMailbox: try section.string("processedMailbox"),
            quarantineMailbox: try section.string("quarantineMailbox"),
            pollSeconds: try section.positive("pollSeconds", default: defaultPollSeconds),
            maxMessageBytes: try section.positiveInteger(
                "maxMessageBytes", default: IntakeConfiguration.defaultMaxMessageBytes),
            maxAttempts: try section.positiveInteger("maxAttempts", default: IntakeConfiguration.defaultMaxAttempts),
            batchSize: try section.positiveInteger("batchSize", default: IntakeConfiguration.defaultBatchSize),
            connectTimeout: try section.number("connectTimeout"), responseTimeout: try section.number("responseTimeout"))
    }

    private static func account(
        _ section: ConfigurationReader, schemes: Set<String>, passwordVariable: String, environment: [String: String],
        usernameRequired: Bool = true
    ) throws -> Account {
        let url = try section.requiredString("url")
        guard let scheme = URLComponents(string: url)?.scheme?.lowercased(), schemes.contains(scheme),
              let host = URLComponents(string: url)?.host, !host.isEmpty else {
            let expected = schemes.sorted().map { "\($0)://host" }.joined(separator: " or ")
            throw ConfigurationError(path: section.path, key: "\(section.prefix).url", problem: "must be a URL like \(expected)")
        }
        var password = PasswordSource.none
        if let value = environment[passwordVariable], !value.isEmpty {
            password = .value(Secret(value))
        } else if let value = try section.string("password") {
            password = .value(Secret(value))
        } else if let file = try section.string("passwordFile") {
            password = .file(file)
        }
        return Account(
            url: url, username: usernameRequired ? try section.requiredString("username") : try section.string("username") ?? "",
            password: password,
            caFile: try section.string("caFile"), allowInsecure: try section.bool("allowInsecure", default: false))
    }
}
