import Foundation

/// The score limits that turn rule hits into a category (the `thresholds` object of rules.json).
public struct Thresholds: Sendable, Equatable {
    /// Automated hits at or above this make a mail automated. Kept low: answering a machine starts a loop.
    public var automated: Double = 2.0
    /// Ignore hits at or above this (and above the request evidence) make a mail ignored.
    public var ignore: Double = 2.5
    /// Ignore hits at or above this decide whatever the mail talks about (list headers of a newsletter).
    public var ignoreDecisive: Double = 4.0
    /// Extended hits at or above this make a new request extended...
    public var extended: Double = 2.0
    /// ...unless the standard evidence exceeds the extended evidence by more than this.
    public var standardLead: Double = 2.0
    /// A winning score closer than this to its threshold or rival is flagged for review.
    public var reviewMargin: Double = 1.0
    /// An FAQ article needs at least this keyword score to be linked.
    public var faqMinimum: Double = 1.0

    public init() {}

    static let keys = ["automated", "ignore", "ignore_decisive", "extended", "standard_lead", "review_margin", "faq_minimum"]

    init(json: [String: Any]) throws(RuleSetError) {
        for key in json.keys where !Self.keys.contains(key) {
            throw RuleSetError(location: "thresholds", problem: "unknown key '\(key)' (known: \(Self.keys.joined(separator: ", ")))")
        }
        func value(_ key: String, _ fallback: Double) throws(RuleSetError) -> Double {
            guard let raw = json[key] else { return fallback }
            guard let number = JSONNumber.double(raw) else {
                throw RuleSetError(location: "thresholds", problem: "'\(key)' must be a number")
            }
            return number
        }
        automated = try value("automated", automated)
        ignore = try value("ignore", ignore)
        ignoreDecisive = try value("ignore_decisive", ignoreDecisive)
        extended = try value("extended", extended)
        standardLead = try value("standard_lead", standardLead)
        reviewMargin = try value("review_margin", reviewMargin)
        faqMinimum = try value("faq_minimum", faqMinimum)
    }
}
