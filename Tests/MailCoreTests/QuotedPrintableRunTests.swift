import Testing
@testable import MailCore

/// The decoder copies the text between "=" signs in runs found with memchr. Checked against a
/// byte-by-byte decoder of the same rules (RFC 2045 §6.7, lenient like Python's `a2b_qp`) on inputs
/// made mostly of the bytes those rules look at: "=", hex digits, CR, LF, blanks.
struct QuotedPrintableRunTests {
    /// One byte at a time: "=" before a line end is a soft break (the rest of that line is dropped),
    /// "=XX" a byte, "=" with only blanks before the line end a soft break, anything else literal.
    static func reference(_ input: [UInt8]) -> (bytes: [UInt8], isClean: Bool) {
        var output: [UInt8] = []
        var isClean = true
        var index = 0
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        while index < input.count {
            let byte = input[index]
            index += 1
            guard byte == UInt8(ascii: "=") else {
                output.append(byte)
                continue
            }
            guard index < input.count else { break }
            let next = input[index]
            if next == 10 || next == 13 {
                while index < input.count, input[index] != 10 { index += 1 }
                if index < input.count { index += 1 }
                continue
            }
            if index + 1 < input.count, let high = hex(next), let low = hex(input[index + 1]) {
                output.append(high << 4 | low)
                index += 2
                continue
            }
            var blank = index
            while blank < input.count, input[blank] == 32 || input[blank] == 9 { blank += 1 }
            if blank > index {
                if blank == input.count { index = blank; continue }
                if input[blank] == 13, blank + 1 < input.count, input[blank + 1] == 10 { index = blank + 2; continue }
                if input[blank] == 10 { index = blank + 1; continue }
            }
            isClean = false
            output.append(UInt8(ascii: "="))
            if next == UInt8(ascii: "=") { index += 1 }
        }
        return (output, isClean)
    }

    @Test("runs between escapes decode as byte by byte, on 5,000 inputs full of =, hex, CR, LF and blanks")
    func matchesByteByByte() {
        let alphabet = Array("==aAfF09Gz \t\r\n\r\nü".utf8)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % 1_000_003)
        }
        for _ in 0..<5_000 {
            let input = (0..<(next() % 40)).map { _ in alphabet[next() % alphabet.count] }
            let decoded = QuotedPrintableDecoder.decode(input)
            let expected = Self.reference(input)
            #expect(decoded.bytes == expected.bytes && decoded.isClean == expected.isClean,
                    "input \(input.map { String(format: "%02x", $0) }.joined())")
        }
    }
}
