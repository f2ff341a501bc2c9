/// Modified UTF-7 for mailbox names (RFC 3501 §5.1.3; RFC 9051 keeps it for servers without
/// UTF8=ACCEPT): printable ASCII stands for itself, `&` becomes `&-`, everything else is UTF-16
/// in modified BASE64 (`,` instead of `/`, no padding) between `&` and `-`.
public enum ModifiedUTF7 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".utf8)

    public static func encode(_ name: String) -> String {
        var output: [UInt8] = []
        var pending: [UInt16] = []
        func flush() {
            guard !pending.isEmpty else { return }
            output.append(UInt8(ascii: "&"))
            output.append(contentsOf: base64(pending))
            output.append(UInt8(ascii: "-"))
            pending.removeAll()
        }
        for scalar in name.unicodeScalars {
            if scalar.value >= 0x20 && scalar.value <= 0x7E {
                flush()
                output.append(UInt8(scalar.value))
                if scalar == "&" { output.append(UInt8(ascii: "-")) }
            } else {
                pending.append(contentsOf: String(scalar).utf16)
            }
        }
        flush()
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes a server's mailbox name; nil when it is not valid modified UTF-7.
    public static func decode(_ encoded: String) -> String? {
        var result = ""
        var bytes = Array(encoded.utf8)[...]
        while let byte = bytes.popFirst() {
            guard byte == UInt8(ascii: "&") else {
                guard byte >= 0x20 && byte <= 0x7E else { return nil }
                result.unicodeScalars.append(UnicodeScalar(byte))
                continue
            }
            guard let end = bytes.firstIndex(of: UInt8(ascii: "-")) else { return nil }
            let chunk = bytes[..<end]
            bytes = bytes[(end + 1)...]
            if chunk.isEmpty {
                result.append("&")
                continue
            }
            guard let units = unbase64(chunk), let text = decodeUTF16(units) else { return nil }
            result += text
        }
        return result
    }

    private static func base64(_ units: [UInt16]) -> [UInt8] {
        let bytes = units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let b0 = chunk[chunk.startIndex]
            let b1 = chunk.count > 1 ? chunk[chunk.startIndex + 1] : 0
            let b2 = chunk.count > 2 ? chunk[chunk.startIndex + 2] : 0
            output.append(alphabet[Int(b0 >> 2)])
            output.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            if chunk.count > 1 { output.append(alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)]) }
            if chunk.count > 2 { output.append(alphabet[Int(b2 & 0x3F)]) }
            index += 3
        }
        return output
    }

    private static func unbase64(_ chunk: ArraySlice<UInt8>) -> [UInt16]? {
        var bits: UInt32 = 0, bitCount = 0
        var bytes: [UInt8] = []
        for character in chunk {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            bits = bits << 6 | UInt32(value)
            bitCount += 6
            if bitCount >= 8 {
                bitCount -= 8
                bytes.append(UInt8((bits >> UInt32(bitCount)) & 0xFF))
            }
        }
        guard bytes.count % 2 == 0, !bytes.isEmpty else { return nil }
        return stride(from: 0, to: bytes.count, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
    }
}

/// Strict UTF-16 decoding: an unpaired surrogate makes the name invalid.
private func decodeUTF16(_ units: [UInt16]) -> String? {
    var iterator = units.makeIterator()
    var decoder = UTF16()
    var text = ""
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): text.unicodeScalars.append(scalar)
        case .emptyInput: return text
        case .error: return nil
        }
    }
}
