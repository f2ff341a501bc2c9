import CSHA256

/// SHA-256 (FIPS 180-4 §6.2), because Foundation on Linux has no CryptoKit and the project takes no
/// package dependencies. Used for content hashes in the ledger, not for secrets, so constant-time
/// behaviour does not matter here.
///
/// Padding and the digest are here; the compression function is the C target CSHA256, which uses
/// the CPU's SHA extensions where it has them (the intake hashes every message twice, and the
/// Swift compression loop was about a fifth of the preparation CPU).
public struct SHA256: Sendable {
    /// FIPS 180-4 §5.3.3: the initial hash value.
    private static let initialState: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
    )
    private static let blockSize = 64

    /// Whether `compress` runs the SHA extensions (for benchmarks and tests to report).
    public static var usesSHAExtensions: Bool { csha256_uses_sha_extensions() != 0 }

    /// The eight working words H0…H7; a homogeneous tuple, so its memory is eight contiguous words.
    private var state = SHA256.initialState
    private var pending: [UInt8] = []
    private var totalBytes: UInt64 = 0
    /// Tests set this to check the portable compression against the accelerated one.
    private let portable: Bool

    public init() {
        self.init(portable: false)
    }

    /// With `portable`, always the portable C compression, even where the SHA extensions exist.
    init(portable: Bool) {
        self.portable = portable
        pending.reserveCapacity(SHA256.blockSize)
    }

    /// The digest of `bytes` in one call.
    public static func hash<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of `bytes` as 64 lower-case hex digits (the form stored in the ledger).
    public static func hexDigest<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        hash(bytes).hexString
    }

    /// Feeds more message bytes.
    public mutating func update<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        totalBytes &+= UInt64(bytes.count)
        let handledContiguously: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            absorb(buffer)
        }
        if handledContiguously == nil {
            Array(bytes).withUnsafeBufferPointer { absorb($0) }
        }
    }

    /// Pads (FIPS 180-4 §5.1.1) and returns the 32-byte digest.
    public mutating func finalize() -> [UInt8] {
        let bitLength = totalBytes &* 8
        var tail: [UInt8] = [0x80]
        let afterMarker = (pending.count + 1) % SHA256.blockSize
        let zeros = afterMarker <= 56 ? 56 - afterMarker : 56 + SHA256.blockSize - afterMarker
        tail.append(contentsOf: repeatElement(0, count: zeros))
        for shift in stride(from: 56, through: 0, by: -8) {
            tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        tail.withUnsafeBufferPointer { absorb($0) }
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
            digest.append(UInt8(truncatingIfNeeded: word >> 24))
            digest.append(UInt8(truncatingIfNeeded: word >> 16))
            digest.append(UInt8(truncatingIfNeeded: word >> 8))
            digest.append(UInt8(truncatingIfNeeded: word))
        }
        return digest
    }

    private mutating func absorb(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        if !pending.isEmpty {
            let take = min(SHA256.blockSize - pending.count, buffer.count)
            pending.append(contentsOf: buffer[0..<take])
            offset = take
            if pending.count == SHA256.blockSize {
                let block = pending
                block.withUnsafeBufferPointer { blockBuffer in
                    if let blockBase = blockBuffer.baseAddress { compress(blockBase, blocks: 1) }
                }
                pending.removeAll(keepingCapacity: true)
            }
        }
        let whole = (buffer.count - offset) / SHA256.blockSize
        if whole > 0 {
            compress(base + offset, blocks: whole)
            offset += whole * SHA256.blockSize
        }
        if offset < buffer.count {
            pending.append(contentsOf: buffer[offset...])
        }
    }

    /// The compression function (§6.2.2) over `blocks` consecutive 64-byte blocks at `bytes`; the
    /// callers guarantee `blocks * 64` readable bytes.
    private mutating func compress(_ bytes: UnsafePointer<UInt8>, blocks: Int) {
        let portable = portable
        withUnsafeMutablePointer(to: &state) { tuple in
            tuple.withMemoryRebound(to: UInt32.self, capacity: 8) { words in
                if portable {
                    csha256_compress_portable(words, bytes, blocks)
                } else {
                    csha256_compress(words, bytes, blocks)
                }
            }
        }
    }
}

extension Array where Element == UInt8 {
    /// Lower-case hexadecimal, two digits per byte.
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(count * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
