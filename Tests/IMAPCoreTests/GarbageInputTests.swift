import IMAPCore
import Testing

/// Malformed input is data: random bytes and mutated real responses may produce errors, never a
/// trap, and the parser keeps its limits.
@Suite struct GarbageInputTests {
    /// A small deterministic generator (64-bit LCG), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next()) }
    }

    static let sample = Array(("* 1 FETCH (UID 5 RFC822.SIZE 3 FLAGS (\\Seen) BODY[] {3}\r\nabc)\r\n"
        + "* OK [UIDVALIDITY 9] x\r\n* ESEARCH (TAG \"S1\") UID ALL 1:3,5\r\n* 3 EXISTS\r\n+ idling\r\n"
        + "S1 NO [TRYCREATE] no\r\n* SEARCH 1 2\r\n* FLAGS (\\Seen)\r\n").utf8)

    /// Feeds `bytes` in chunks; stops at the first error, as the connection would.
    static func survive(_ bytes: [UInt8], chunk: Int) {
        var parser = IMAPResponseParser(limits: IMAPLimits(maxLineLength: 4096, maxLiteralSize: 1 << 16))
        var offset = 0
        while offset < bytes.count {
            parser.append(bytes[offset..<min(offset + chunk, bytes.count)])
            offset += chunk
            do {
                while try parser.next() != nil {}
            } catch {
                return
            }
        }
    }

    @Test(arguments: 1...40)
    func mutatedResponses(seed: UInt64) {
        var generator = Generator(state: seed)
        var bytes = Self.sample
        for _ in 0..<(1 + Int(generator.next() % 8)) {
            let position = Int(generator.next() % UInt64(bytes.count))
            switch generator.next() % 3 {
            case 0: bytes[position] = generator.byte()
            case 1: bytes.remove(at: position)
            default: bytes.insert(Array("{}()[]\"\\ \r\n*+0123456789".utf8)[Int(generator.next() % 22)], at: position)
            }
        }
        Self.survive(bytes, chunk: 1 + Int(generator.next() % 50))
    }

    @Test(arguments: 1...20)
    func randomBytes(seed: UInt64) {
        var generator = Generator(state: seed)
        let bytes = (0..<2000).map { _ in generator.byte() }
        Self.survive(Array("* ".utf8) + bytes, chunk: 1 + Int(generator.next() % 300))
    }
}
