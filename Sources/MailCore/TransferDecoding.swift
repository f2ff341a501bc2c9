internal import Glibc

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

/// Line-end normalisation for decoded text: CRLF and lone CR become LF. Copies whole runs
/// between CRs (found with `memchr`), since text bodies can be megabytes.
enum LineEnds {
    static func normalized(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { input -> [UInt8] in
            guard let base = input.baseAddress, memchr(base, Int32(ASCII.cr), input.count) != nil else { return bytes }
            var out: [UInt8] = []
            out.reserveCapacity(input.count)
            var start = 0
            while start < input.count {
                guard let hit = memchr(base + start, Int32(ASCII.cr), input.count - start) else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: input[start...]))
                    break
                }
                let cr = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<cr]))
                out.append(ASCII.lf)
                start = cr + 1 < input.count && input[cr + 1] == ASCII.lf ? cr + 2 : cr + 1
            }
            return out
        }
    }
}
