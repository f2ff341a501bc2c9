import Foundation

/// JSON text columns: lists the store keeps whole and never queries into.
enum JSONText {
    static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Decodes a column; a damaged value reads as `fallback` instead of failing the whole read.
    static func decode<Value: Decodable>(_ type: Value.Type, from text: String?, fallback: Value) -> Value {
        guard let text, let value = try? JSONDecoder().decode(type, from: Data(text.utf8)) else { return fallback }
        return value
    }
}
