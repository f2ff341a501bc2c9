/// A small command-line reader: commands take the flags and options they know, and whatever is
/// left over is a usage error (so a typo never silently changes what a command does).
struct Arguments {
    private var remaining: [String]

    init(_ arguments: [String]) { remaining = arguments }

    /// Removes `name` if present and reports whether it was.
    mutating func flag(_ name: String) -> Bool {
        guard let index = remaining.firstIndex(of: name) else { return false }
        remaining.remove(at: index)
        return true
    }

    /// Removes `name VALUE` (or `name=VALUE`) and returns VALUE.
    mutating func option(_ name: String) throws -> String? {
        if let index = remaining.firstIndex(where: { $0.hasPrefix(name + "=") }) {
            let value = String(remaining[index].dropFirst(name.count + 1))
            remaining.remove(at: index)
            return value
        }
        guard let index = remaining.firstIndex(of: name) else { return nil }
        guard index + 1 < remaining.count else { throw CommandError.usage("\(name) needs a value") }
        let value = remaining[index + 1]
        remaining.removeSubrange(index...index + 1)
        return value
    }

    /// Removes `name VALUE` and reads VALUE as one of `Value`'s raw values; anything else is a usage
    /// error saying what was `expected` ("standard or extended").
    mutating func option<Value: RawRepresentable>(_ name: String, as _: Value.Type, expected: String) throws -> Value?
    where Value.RawValue == String {
        try option(name).map { text in
            guard let value = Value(rawValue: text) else { throw CommandError.usage("\(name) must be \(expected), not '\(text)'") }
            return value
        }
    }

    /// Removes and returns the next positional argument.
    mutating func positional(_ what: String) throws -> String {
        guard let index = remaining.firstIndex(where: { !$0.hasPrefix("--") || $0 == "-" }) else {
            throw CommandError.usage("missing \(what)")
        }
        return remaining.remove(at: index)
    }

    /// Removes and returns all remaining positional arguments.
    mutating func positionals() -> [String] {
        let values = remaining.filter { !$0.hasPrefix("--") || $0 == "-" }
        remaining.removeAll { !$0.hasPrefix("--") || $0 == "-" }
        return values
    }

    /// Throws a usage error if anything was not consumed.
    func finish() throws {
        if let unknown = remaining.first { throw CommandError.usage("unknown argument '\(unknown)'") }
    }
}
