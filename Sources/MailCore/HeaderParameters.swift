/// A MIME header with parameters: `Content-Type` (RFC 2045 §5.1) or `Content-Disposition`
/// (RFC 2183), with RFC 2231 continuations and charsets combined and RFC 2047 encoded-words in
/// values decoded (as real mailers write `name="=?utf-8?Q?...?="`).
struct HeaderParameters: Sendable {
    /// The lower-cased value before the first ";" (e.g. `text/plain`, `attachment`).
    var value: String
    /// Lower-cased parameter name → decoded value.
    var parameters: [String: String]

    /// One raw `name=value` pair, before RFC 2231 sections are combined.
    private struct RawParameter {
        var name: String
        var value: [UInt8]
    }

    init(parsing bytes: [UInt8], defects: inout [ParseDefect]) {
        var index = 0
        while index < bytes.count, bytes[index] != ASCII.semicolon { index += 1 }
        value = ASCII.lowercasedString(bytes[0..<index], droppingWhitespace: true)
        var raw: [RawParameter] = []
        while index < bytes.count {
            index += 1
            while index < bytes.count, ASCII.isWhitespace(bytes[index]) || bytes[index] == ASCII.semicolon { index += 1 }
            let nameStart = index
            while index < bytes.count, bytes[index] != ASCII.equals, bytes[index] != ASCII.semicolon { index += 1 }
            guard index < bytes.count, bytes[index] == ASCII.equals else { continue }
            let name = ASCII.lowercasedString(ASCII.trimmed(bytes[nameStart..<index]))
            index += 1
            while index < bytes.count, ASCII.isWhitespace(bytes[index]) { index += 1 }
            var parameterValue: [UInt8] = []
            if index < bytes.count, bytes[index] == ASCII.quote {
                index += 1
                while index < bytes.count, bytes[index] != ASCII.quote {
                    if bytes[index] == ASCII.backslash, index + 1 < bytes.count { index += 1 }
                    parameterValue.append(bytes[index])
                    index += 1
                }
                while index < bytes.count, bytes[index] != ASCII.semicolon { index += 1 }
            } else {
                let start = index
                while index < bytes.count, bytes[index] != ASCII.semicolon { index += 1 }
                parameterValue = Array(ASCII.trimmed(bytes[start..<index]))
            }
            if !name.isEmpty { raw.append(RawParameter(name: name, value: parameterValue)) }
        }
        parameters = Self.combine(raw, defects: &defects)
    }

    /// RFC 2231 §3 (continuations `name*0`, `name*1`…) and §4 (`name*=charset'lang'%XX`).
    /// A plain `name` wins over nothing, an RFC 2231 form wins over a plain one.
    private static func combine(_ raw: [RawParameter], defects: inout [ParseDefect]) -> [String: String] {
        var result: [String: String] = [:]
        var sections: [String: [(number: Int, extended: Bool, value: [UInt8])]] = [:]
        for parameter in raw {
            guard parameter.name.utf8.contains(UInt8(ascii: "*")), let star = parameter.name.firstIndex(of: "*") else {
                if result[parameter.name] == nil {
                    result[parameter.name] = EncodedWordDecoder.decode(parameter.value, defects: &defects)
                }
                continue
            }
            let base = String(parameter.name[..<star])
            let rest = parameter.name[parameter.name.index(after: star)...]
            let extended = rest.hasSuffix("*") || rest.isEmpty
            let number = Int(rest.filter { $0 != "*" }) ?? 0
            sections[base, default: []].append((number, extended, parameter.value))
        }
        for (base, parts) in sections {
            var charset: String?
            var bytes: [UInt8] = []
            for (position, part) in parts.sorted(by: { $0.number < $1.number }).enumerated() {
                var value = part.value[...]
                if part.extended, position == 0 {
                    let pieces = value.split(separator: UInt8(ascii: "'"), maxSplits: 2, omittingEmptySubsequences: false)
                    if pieces.count == 3 {
                        charset = String(decoding: pieces[0], as: UTF8.self)
                        value = pieces[2]
                    }
                }
                bytes.append(contentsOf: part.extended ? percentDecoded(value) : Array(value))
            }
            let (text, defect) = CharsetDecoder.decode(bytes, charset: charset ?? "utf-8")
            if let defect { defects.append(defect) }
            result[base] = text.contains("=?") ? EncodedWordDecoder.decode(Array(text.utf8), defects: &defects) : text
        }
        return result
    }

    private static func percentDecoded(_ value: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(value.count)
        var index = value.startIndex
        while index < value.endIndex {
            if value[index] == UInt8(ascii: "%"), index + 2 < value.endIndex,
               let high = ASCII.hexValue(value[index + 1]), let low = ASCII.hexValue(value[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(value[index])
                index += 1
            }
        }
        return out
    }
}
