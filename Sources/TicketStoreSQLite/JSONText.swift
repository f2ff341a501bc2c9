import Foundation
import MailCore
import Tickets

/// JSON text columns: lists the store keeps whole and never queries into.
///
/// The intake writes two of them per ticket, so the common shapes (a list of strings, a list of
/// classification reasons) are written by hand: a `JSONEncoder` per message cost more than the rest
/// of the ticket's SQL. The output is ordinary JSON that `decode` (and any JSON reader) reads back
/// to the same values; keys are sorted as the encoder would sort them.
enum JSONText {
    /// Any other value, through `JSONEncoder`.
    static func foundationEncoded<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    /// `["a","b"]`.
    static func encode(_ strings: [String]) -> String {
        guard !strings.isEmpty else { return "[]" }
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, string) in strings.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendQuoted(string, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `[{"evidence":…,"rule":…,"weight":…}]`; a weight JSON cannot hold (NaN, infinity) goes
    /// through `JSONEncoder`, which refuses it the same way it always did.
    ///
    /// Written as bytes into one buffer: appending each piece to a String cost several hundred
    /// instructions per append, about 5 % of the intake's commit for the reasons of every mail.
    static func encode(_ reasons: [ClassificationReason]) -> String {
        guard !reasons.isEmpty else { return "[]" }
        guard reasons.allSatisfy({ $0.weight.isFinite }) else { return foundationEncoded(reasons) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(reasons.reduce(2) { $0 + $1.evidence.utf8.count + $1.rule.utf8.count + 48 })
        bytes.append(UInt8(ascii: "["))
        for (index, reason) in reasons.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendLiteral(#"{"evidence":"#, to: &bytes)
            appendQuoted(reason.evidence, to: &bytes)
            appendLiteral(#","rule":"#, to: &bytes)
            appendQuoted(reason.rule, to: &bytes)
            appendLiteral(#","weight":"#, to: &bytes)
            appendNumber(reason.weight, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes a column; a damaged value reads as `fallback` instead of failing the whole read.
    static func decode<Value: Decodable>(_ type: Value.Type, from text: String?, fallback: Value) -> Value {
        guard let text, let value = try? JSONDecoder().decode(type, from: Data(text.utf8)) else { return fallback }
        return value
    }

    /// A finite double as JSON: whole numbers without a fraction (as `JSONEncoder` writes them),
    /// others in Swift's shortest round-tripping form. Digits are written directly for whole
    /// numbers and halves (most rule weights): a Double's description costs ~700 instructions.
    private static func appendNumber(_ value: Double, to bytes: inout [UInt8]) {
        let doubled = value * 2
        guard doubled == doubled.rounded(), abs(value) < 1e15 else {
            append("\(value)", to: &bytes)
            return
        }
        let whole = value == value.rounded()
        var integer = Int64(value.rounded(.towardZero))
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            integer = -integer
        }
        let firstDigit = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(integer % 10))
            integer /= 10
        } while integer > 0
        bytes[firstDigit...].reverse()
        if !whole { appendLiteral(".5", to: &bytes) }
    }

    private static func appendLiteral(_ text: StaticString, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private static func append(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Text that needs no escaping (most rule names and evidence) goes in between quotes as it is,
    /// exactly what `JSONString.quoted` would write, without its byte-by-byte copy and the String
    /// made from it: the reasons were about 6 % of the intake's commit CPU. Checked and copied over
    /// the String's own bytes: going through `utf8` as a sequence cost ~25 instructions a byte.
    private static func appendQuoted(_ string: String, to bytes: inout [UInt8]) {
        var string = string
        string.withUTF8 { utf8 in
            var plain = true
            for byte in utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F {
                plain = false
                break
            }
            if plain {
                bytes.append(UInt8(ascii: "\""))
                bytes.append(contentsOf: utf8)
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes.append(contentsOf: JSONString.quoted(String(decoding: utf8, as: UTF8.self)).utf8)
            }
        }
    }
}
