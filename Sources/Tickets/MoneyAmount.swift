/// An amount of money in integer minor units (cents), formatted for customers and reports.
public struct MoneyAmount: Sendable, Hashable {
    public var cents: Int
    /// ISO 4217 code, e.g. `EUR`.
    public var currency: String

    public init(cents: Int, currency: String) {
        self.cents = cents
        self.currency = currency
    }

    /// `25,00 €` for German, `EUR 25.00` for English (and `1.234,50 €` / `EUR 1,234.50`).
    public func formatted(language: String) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let units = String(magnitude / 100)
        let fraction = magnitude % 100 < 10 ? "0\(magnitude % 100)" : "\(magnitude % 100)"
        let german = language == "de"
        let grouped = Self.group(units, separator: german ? "." : ",")
        let number = sign + grouped + (german ? "," : ".") + fraction
        let symbol = currency == "EUR" && german ? "€" : currency
        return german ? "\(number) \(symbol)" : "\(symbol) \(number)"
    }

    /// The amount as a plain decimal for CSV: `25.00` (or with a decimal comma when `decimalComma`).
    public func decimalString(decimalComma: Bool = false) -> String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100 < 10 ? "0\(magnitude % 100)" : "\(magnitude % 100)"
        return (cents < 0 ? "-" : "") + "\(magnitude / 100)" + (decimalComma ? "," : ".") + fraction
    }

    private static func group(_ digits: String, separator: String) -> String {
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return out
    }
}
