import Testing
@testable import Tickets

/// SHA-256 against the FIPS 180-2 / NIST example vectors and padding-boundary lengths, through
/// both compression functions: the SHA extensions (where this CPU has them) and the portable one.
struct SHA256Tests {
    /// The hex digest of `bytes` with the portable compression, for comparing against the default.
    static func portableHexDigest(_ bytes: [UInt8]) -> String {
        var hasher = SHA256(portable: true)
        hasher.update(bytes)
        return hasher.finalize().hexString
    }

    static let vectors: [(input: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ]

    @Test("NIST example vectors", arguments: vectors.indices)
    func nistVector(index: Int) {
        let vector = Self.vectors[index]
        #expect(SHA256.hexDigest(Array(vector.input.utf8)) == vector.digest)
        #expect(Self.portableHexDigest(Array(vector.input.utf8)) == vector.digest)
    }

    /// Lengths around the 55/56/64-byte padding boundaries (expected digests from Python's hashlib).
    @Test("padding boundaries", arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
    ])
    func boundary(length: Int, digest: String) {
        #expect(SHA256.hexDigest([UInt8](repeating: UInt8(ascii: "a"), count: length)) == digest)
        #expect(Self.portableHexDigest([UInt8](repeating: UInt8(ascii: "a"), count: length)) == digest)
    }

    /// Every length up to five blocks, over bytes that differ from block to block: the two
    /// compression functions (the message schedule of the SHA extensions most of all) must agree.
    @Test("the accelerated and the portable compression agree")
    func implementationsAgree() {
        let bytes = (0..<320).map { UInt8(truncatingIfNeeded: $0 &* 167 &+ $0 >> 3) }
        for length in 0...bytes.count {
            let prefix = Array(bytes[..<length])
            #expect(SHA256.hexDigest(prefix) == Self.portableHexDigest(prefix), "length \(length)")
        }
    }

    @Test("one million 'a' (FIPS 180-2 appendix B.3)")
    func millionA() {
        let digest = SHA256.hexDigest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(digest == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(Self.portableHexDigest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)) == digest)
    }

    @Test("feeding in pieces gives the same digest as one call", arguments: [1, 3, 63, 64, 65, 200])
    func incremental(pieceSize: Int) {
        let bytes = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var hasher = SHA256()
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + pieceSize, bytes.count)
            hasher.update(bytes[offset..<end])
            offset = end
        }
        #expect(hasher.finalize() == SHA256.hash(bytes))
    }
}
