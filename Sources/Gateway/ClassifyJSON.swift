import MailCore
import Foundation

/// A minimal JSON writer for `classify --json` lines: strings escaped per RFC 8259 §7, numbers
/// printed with at most three decimals, keys in the order given (so output is stable).
enum ClassifyJSON {
    indirect enum Value {
        case string(String)
        case number(Double)
        case integer(Int)
        case bool(Bool)
        case null
        case array([Value])
        case object([(String, Value)])
    }

    static func encode(_ value: Value) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static func write(_ value: Value, into out: inout String) {
        switch value {
        case .string(let text): writeString(text, into: &out)
        case .number(let number): out += format(number)
        case .integer(let number): out += String(number)
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += ", " }
                write(item, into: &out)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            for (index, (key, item)) in fields.enumerated() {
                if index > 0 { out += ", " }
                writeString(key, into: &out)
                out += ": "
                write(item, into: &out)
            }
            out += "}"
        }
    }

    /// Whole numbers without a fraction, others rounded to three decimals; never NaN or infinity.
    private static func format(_ number: Double) -> String {
        guard number.isFinite else { return "0" }
        let rounded = (number * 1000).rounded() / 1000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }

    private static func writeString(_ text: String, into out: inout String) {
        out += JSONString.quoted(text)
    }
}
