/// Decodes `Content-Transfer-Encoding: x-uuencode` bodies: the lines between `begin MODE NAME`
/// and `end`, each starting with a length character (POSIX uuencode). Malformed lines are decoded
/// as far as they go; without a `begin` line the body is returned as it is (as Python's `email`
/// does), and a missing `end` line is reported.
enum UUDecoder {
    struct Result {
        var bytes: [UInt8]
        var isClean: Bool
        /// The file name from the `begin` line, if any.
        var filename: String?
    }

    static func decode<C: RandomAccessCollection>(_ input: C) -> Result where C.Element == UInt8, C.Index == Int {
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 3 / 4)
        var isClean = true
        var filename: String?
        var inBody = false
        var index = input.startIndex
        while index < input.endIndex {
            var end = index
            while end < input.endIndex, input[end] != ASCII.lf { end += 1 }
            var lineEnd = end
            while lineEnd > index, ASCII.isWhitespace(input[lineEnd - 1]) { lineEnd -= 1 }
            let line = input[index..<lineEnd]
            index = end + 1
            if !inBody {
                if line.starts(with: "begin ".utf8) {
                    inBody = true
                    let parts = line.split(separator: ASCII.space, maxSplits: 2)
                    if parts.count == 3 { filename = String(decoding: parts[2], as: UTF8.self) }
                }
                continue
            }
            if line.elementsEqual("end".utf8) { return Result(bytes: output, isClean: isClean, filename: filename) }
            guard let first = line.first else { continue }
            let length = Int((first &- 0x20) & 0x3F)
            var produced = 0
            var position = line.startIndex + 1
            while produced < length {
                var quantum: UInt32 = 0
                for offset in 0..<4 {
                    let character = position + offset < line.endIndex ? line[position + offset] : 0x20
                    quantum = quantum << 6 | UInt32((character &- 0x20) & 0x3F)
                }
                for shift in [16, 8, 0] where produced < length {
                    output.append(UInt8(truncatingIfNeeded: quantum >> UInt32(shift)))
                    produced += 1
                }
                if position + 4 > line.endIndex, produced < length { isClean = false }
                position += 4
            }
        }
        if !inBody { return Result(bytes: Array(input), isClean: false, filename: nil) }
        return Result(bytes: output, isClean: false, filename: filename)
    }
}
