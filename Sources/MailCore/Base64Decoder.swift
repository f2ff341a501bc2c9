/// RFC 2045 §6.8 base64, decoded leniently like Python's `binascii.a2b_base64`: characters outside
/// the alphabet are skipped (and reported), decoding stops at the padding that completes a quantum,
/// and a missing padding is tolerated. A tight loop over a lookup table: attachments are large.
enum Base64Decoder {
    struct Result {
        var bytes: [UInt8]
        /// False when garbage characters, a stray padding or a truncated quantum was seen.
        var isClean: Bool
    }

    private static let whitespace: UInt8 = 0x40
    private static let padding: UInt8 = 0x41
    private static let invalid: UInt8 = 0xFF

    /// Sextet value per input byte; 0x40 whitespace, 0x41 "=", 0xFF anything else.
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(value)
        }
        for character in [ASCII.space, ASCII.tab, ASCII.cr, ASCII.lf] { table[Int(character)] = whitespace }
        table[Int(ASCII.equals)] = padding
        return table
    }()

    /// The sextet of each byte pre-shifted for each position in a quantum, so a whole quantum is
    /// four lookups and three ORs; non-alphabet bytes set bit 24 (`invalidQuantum`).
    private static let shiftedTables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 4 * 256)
        for position in 0..<4 {
            for byte in 0..<256 {
                let value = table[byte]
                tables[position * 256 + byte] = value < 64 ? UInt32(value) << UInt32(18 - 6 * position) : invalidQuantum
            }
        }
        return tables
    }()
    private static let invalidQuantum: UInt32 = 1 << 24

    static func decode<C: Collection>(_ input: C) -> Result where C.Element == UInt8 {
        if let result = input.withContiguousStorageIfAvailable({ decode(buffer: $0) }) { return result }
        return Array(input).withUnsafeBufferPointer { decode(buffer: $0) }
    }

    static func decode(buffer input: UnsafeBufferPointer<UInt8>) -> Result {
        var isClean = true
        let bytes = [UInt8](unsafeUninitializedCapacity: input.count / 4 * 3 + 3) { output, initializedCount in
            Self.table.withUnsafeBufferPointer { table in
                Self.shiftedTables.withUnsafeBufferPointer { shifted in
                    (initializedCount, isClean) = decode(input, into: output, table: table, shifted: shifted)
                }
            }
        }
        return Result(bytes: bytes, isClean: isClean)
    }

    /// The decoding loop: whole quanta through `shifted` while the input is clean, else byte by byte.
    /// Returns the number of bytes written and whether the input was clean.
    private static func decode(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>,
                               table: UnsafeBufferPointer<UInt8>, shifted: UnsafeBufferPointer<UInt32>) -> (Int, Bool) {
        var isClean = true
        var written = 0
        var accumulator: UInt32 = 0
        var pending = 0
        var index = 0
        let count = input.count
        decoding: while index < count {
            if pending == 0 {
                while index + 4 <= count {
                    let quantum = shifted[Int(input[index])] | shifted[256 + Int(input[index + 1])]
                        | shifted[512 + Int(input[index + 2])] | shifted[768 + Int(input[index + 3])]
                    if quantum >= invalidQuantum { break }
                    output[written] = UInt8(truncatingIfNeeded: quantum >> 16)
                    output[written + 1] = UInt8(truncatingIfNeeded: quantum >> 8)
                    output[written + 2] = UInt8(truncatingIfNeeded: quantum)
                    written += 3
                    index += 4
                }
                if index >= count { break decoding }
            }
            let value = table[Int(input[index])]
            index += 1
            if value < 64 {
                accumulator = accumulator << 6 | UInt32(value)
                pending += 1
                if pending == 4 {
                    output[written] = UInt8(truncatingIfNeeded: accumulator >> 16)
                    output[written + 1] = UInt8(truncatingIfNeeded: accumulator >> 8)
                    output[written + 2] = UInt8(truncatingIfNeeded: accumulator)
                    written += 3
                    pending = 0
                    accumulator = 0
                }
            } else if value == padding {
                if pending >= 2 { break decoding }
                isClean = false
            } else if value != whitespace {
                isClean = false
            }
        }
        switch pending {
        case 2:
            output[written] = UInt8(truncatingIfNeeded: accumulator >> 4)
            written += 1
        case 3:
            output[written] = UInt8(truncatingIfNeeded: accumulator >> 10)
            output[written + 1] = UInt8(truncatingIfNeeded: accumulator >> 2)
            written += 2
        case 1:
            isClean = false
        default:
            break
        }
        return (written, isClean)
    }
}
