import Foundation
import MailCore

/// One JSON Lines line from the `[String: Any]` shapes of `tickets`, `quarantine` and `triage`:
/// keys sorted (stable output), strings escaped by MailCore's `JSONString`, whole doubles without a
/// fraction, as `JSONSerialization` writes them. Written by hand because `JSONSerialization` with
/// sorted keys cost ~300 µs a ticket (`tickets list --json` over 100,000 tickets took a minute).
enum JSONLine {
    struct Unsupported: Error, CustomStringConvertible {
        var description: String
    }

    static func encode(_ object: [String: Any]) throws -> String {
        var out = ""
        try write(object, into: &out)
        return out
    }

    private static func write(_ value: Any, into out: inout String) throws {
        switch value {
        case let text as String: out += JSONString.quoted(text)
        case let flag as Bool: out += flag ? "true" : "false"
        case let number as Int: out += String(number)
        case let number as Double: out += try format(number)
        case let object as [String: Any]:
            out += "{"
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                out += JSONString.quoted(key)
                out += ":"
                try write(object[key] as Any, into: &out)
            }
            out += "}"
        case let items as [Any]:
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                try write(item, into: &out)
            }
            out += "]"
        // Last: asking a Swift collection whether it is an NSNull bridges it to Foundation first.
        case is NSNull: out += "null"
        default:
            throw Unsupported(description: "JSONLine cannot write a \(type(of: value))")
        }
    }

    /// Whole numbers without a fraction; JSON has no NaN or infinity, so those are refused.
    private static func format(_ number: Double) throws -> String {
        guard number.isFinite else { throw Unsupported(description: "JSON has no \(number)") }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }
}
