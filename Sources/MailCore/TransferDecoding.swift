/// Removes a Content-Transfer-Encoding (RFC 2045 §6): base64, quoted-printable and uuencode are
/// decoded; 7bit, 8bit, binary and unknown encodings leave the bytes as they are (unknown ones
/// reported), as Python's `email` does.
enum TransferDecoding {
    private static let identity: Set<String> = ["7bit", "8bit", "binary", "", "7-bit", "8-bit", "none"]
    private static let uuencode: Set<String> = ["x-uuencode", "uuencode", "x-uue", "uue"]

    static func decode(_ body: ArraySlice<UInt8>, encoding: String) -> (bytes: [UInt8], defect: ParseDefect?) {
        switch encoding {
        case "base64":
            let result = Base64Decoder.decode(body)
            return (result.bytes, result.isClean ? nil : ParseDefect(kind: DefectKind.base64, detail: "garbage or bad padding skipped"))
        case "quoted-printable":
            let result = QuotedPrintableDecoder.decode(body)
            return (result.bytes, result.isClean ? nil
                    : ParseDefect(kind: DefectKind.quotedPrintable, detail: "malformed escape kept literally"))
        case _ where uuencode.contains(encoding):
            let result = UUDecoder.decode(body)
            return (result.bytes, result.isClean ? nil : ParseDefect(kind: DefectKind.uuencode, detail: "malformed uuencoded body"))
        case _ where identity.contains(encoding):
            return (Array(body), nil)
        default:
            return (Array(body), ParseDefect(kind: DefectKind.unknownTransferEncoding, detail: "'\(encoding)' read as 8bit"))
        }
    }
}

/// Line-end normalisation for decoded text: CRLF and lone CR become LF.
enum LineEnds {
    static func normalized(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(ASCII.cr) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.cr {
                out.append(ASCII.lf)
                if index + 1 < bytes.count, bytes[index + 1] == ASCII.lf { index += 1 }
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }
}
