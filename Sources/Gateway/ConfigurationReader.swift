import Foundation

/// Typed access to a parsed JSON configuration object, with errors that name the key path.
struct ConfigurationReader {
    let path: String
    let object: [String: Any]
    let prefix: String

    init(path: String, object: [String: Any], prefix: String = "") {
        self.path = path
        self.object = object
        self.prefix = prefix
    }

    private func name(_ key: String) -> String { prefix.isEmpty ? key : "\(prefix).\(key)" }

    private func error(_ key: String, _ problem: String) -> ConfigurationError {
        ConfigurationError(path: path, key: name(key), problem: problem)
    }

    /// The nested object at `key`, or nil when absent or null.
    func section(_ key: String) throws -> ConfigurationReader? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let nested = value as? [String: Any] else { throw error(key, "must be an object") }
        return ConfigurationReader(path: path, object: nested, prefix: name(key))
    }

    func string(_ key: String) throws -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw error(key, "must be a string") }
        return text
    }

    /// An IANA time zone name (`Europe/Berlin`), `fallback` when absent.
    func timeZone(_ key: String, default fallback: String) throws -> TimeZone {
        let name = try string(key) ?? fallback
        guard let zone = TimeZone(identifier: name) else {
            throw error(key, "'\(name)' is not a time zone name (IANA, like Europe/Berlin or UTC)")
        }
        return zone
    }

    func requiredString(_ key: String) throws -> String {
        guard let text = try string(key) else { throw error(key, "is missing") }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw error(key, "is empty") }
        return text
    }

    func bool(_ key: String, default fallback: Bool) throws -> Bool {
        guard let value = object[key], !(value is NSNull) else { return fallback }
        guard let number = value as? NSNumber, Self.isBoolean(number) else { throw error(key, "must be true or false") }
        return number.boolValue
    }

    func number(_ key: String) throws -> Double? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let number = value as? NSNumber, !Self.isBoolean(number) else { throw error(key, "must be a number") }
        return number.doubleValue
    }

    /// JSON `true`/`false` arrive as NSNumber of C type `char`; numbers never do (Foundation on
    /// Linux also bridges 0 and 1 to Bool, so `is Bool` cannot tell them apart).
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    /// A positive number, `fallback` when absent.
    func positive(_ key: String, default fallback: Double) throws -> Double {
        guard let value = try number(key) else { return fallback }
        guard value > 0, value.isFinite else { throw error(key, "must be greater than 0") }
        return value
    }

    /// A positive whole number, `fallback` when absent.
    func positiveInteger(_ key: String, default fallback: Int) throws -> Int {
        guard let value = try number(key) else { return fallback }
        guard value >= 1, value <= Double(Int32.max), value == value.rounded() else {
            throw error(key, "must be a whole number of at least 1")
        }
        return Int(value)
    }
}
