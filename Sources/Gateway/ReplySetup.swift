import Foundation
import MailTransport
public import Replies
import Tickets
import Triage

/// The responder and the outbox sender the configuration asks for. Replies are on when the
/// configuration has an `smtp` section; then `support.address`, the templates and the billing
/// rate must be usable, and every problem is a configuration error at start-up (exit 2), never a
/// blank in a customer's mail.
public struct ReplySetup {
    public let planner: ReplyPlanner
    public let supportAddress: String

    /// nil when the configuration has no `smtp` section (intake only, no replies).
    public static func load(_ configuration: GatewayConfiguration) throws -> ReplySetup? {
        guard configuration.smtp != nil else { return nil }
        let error = { (key: String, problem: String) in
            ConfigurationError(path: configuration.path, key: key, problem: problem)
        }
        guard let address = configuration.supportAddress, address.contains("@") else {
            throw error("support.address", "is needed to send replies (it is their sender)")
        }
        guard let cents = configuration.quarterHourRateCents, cents >= 0 else {
            throw error("billing.quarterHourRateCents", "is needed to send replies (the cost notice states the rate)")
        }
        let support = SupportIdentity(address: address, name: configuration.supportName ?? address)
        let catalog: TemplateCatalog
        do {
            catalog = try TemplateCatalog(sources: try templateSources(configuration.templates ?? "Templates"))
        } catch let problem as TemplateError {
            throw error("templates", "cannot be used: \(problem)")
        }
        let amount = MoneyAmount(cents: cents, currency: configuration.billingCurrency)
        let planner = ReplyPlanner(
            composer: ReplyComposer(templates: catalog, support: support), loopGuard: LoopGuard(support: support),
            rate: Dictionary(uniqueKeysWithValues: TemplateCatalog.languages.map { ($0, amount.formatted(language: $0)) }),
            extendedFAQURL: try extendedFAQURLs(configuration))
        return ReplySetup(planner: planner, supportAddress: address)
    }

    /// `<folder>/<language>/<kind>.txt` for every language and kind.
    private static func templateSources(_ folder: String) throws -> [String: String] {
        var sources: [String: String] = [:]
        for language in TemplateCatalog.languages {
            for kind in ReplyKind.allCases {
                let path = "\(folder)/\(language)/\(kind.rawValue).txt"
                if let data = FileManager.default.contents(atPath: path) {
                    sources["\(language)/\(kind.rawValue)"] = String(decoding: data, as: UTF8.self)
                }
            }
        }
        return sources
    }

    /// The FAQ article on extended support, linked from the cost notice.
    static let extendedSupportArticle = 1792

    private static func extendedFAQURLs(_ configuration: GatewayConfiguration) throws -> [String: String] {
        guard let path = configuration.faq, let data = FileManager.default.contents(atPath: path),
              let article = try? FAQCatalogue(json: data).article(extendedSupportArticle) else {
            throw ConfigurationError(path: configuration.path, key: "faq",
                                     problem: "must name the FAQ catalogue with article \(extendedSupportArticle) (the cost notice links it)")
        }
        return Dictionary(uniqueKeysWithValues: TemplateCatalog.languages.map { ($0, article.url($0)) })
    }

    /// The SMTP sender for the configured relay (reads the password now).
    static func sender(_ configuration: GatewayConfiguration) throws -> SMTPSender {
        guard let smtp = configuration.smtp else {
            throw ConfigurationError(path: configuration.path, key: "smtp", problem: "is missing")
        }
        let ehlo = SMTPConfiguration.ehloName(forSupportAddress: configuration.supportAddress ?? "") ?? "localhost"
        do {
            return try SMTPSender(SMTPConfiguration(
                // A relay without AUTH (a local MTA) has no username, and then needs no password.
                url: smtp.url, username: smtp.username,
                password: smtp.username.isEmpty ? "" : try configuration.smtpPassword().value,
                caFile: smtp.caFile, allowInsecure: smtp.allowInsecure, ehloName: ehlo))
        } catch let problem as SMTPSenderError where problem.kind == .configuration {
            throw ConfigurationError(path: configuration.path, key: "smtp", problem: problem.description)
        }
    }
}
