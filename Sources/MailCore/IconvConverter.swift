internal import Glibc
internal import Synchronization

/// Converts bytes in any charset glibc's iconv knows to a `String`.
///
/// `iconv_open` is expensive (it loads a gconv module each time), so idle descriptors are kept in
/// a pool behind a `Mutex`: a descriptor is used by one conversion at a time and reset before reuse.
enum IconvConverter {
    /// Most idle descriptors kept per charset.
    private static let maxIdlePerCharset = 4

    /// An `iconv_t` handed between threads only through the pool's lock.
    private struct Descriptor: @unchecked Sendable {
        let handle: iconv_t
    }

    private static let idle = Mutex<[String: [Descriptor]]>([:])

    /// Largest output chunk; iconv reports E2BIG and we drain the chunk.
    private static let maxChunkSize = 64 * 1024
    /// U+FFFD REPLACEMENT CHARACTER in UTF-8, for bytes the charset does not define.
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// The decoded text and whether some bytes were invalid (replaced by U+FFFD),
    /// or nil when iconv does not know `charset`.
    static func decode<C: Collection>(_ bytes: C, from charset: String) -> (text: String, hadErrors: Bool)?
    where C.Element == UInt8 {
        guard let descriptor = take(charset) else { return nil }
        defer { give(descriptor, charset) }
        var input = Array(bytes)
        var result: [UInt8] = []
        result.reserveCapacity(input.count + input.count / 2)
        var hadErrors = false
        let chunkSize = min(maxChunkSize, input.count * 4 + 16)
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        input.withUnsafeMutableBytes { inputBytes in
            chunk.withUnsafeMutableBytes { chunkBytes in
                guard let chunkBase = chunkBytes.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
                var inPointer = inputBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inputBytes.count
                func drain(_ outPointer: UnsafeMutablePointer<CChar>?) {
                    guard let outPointer else { return }
                    let produced = outPointer - chunkBase
                    result.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunkBytes[0..<produced]))
                }
                while inLeft > 0 {
                    var outPointer: UnsafeMutablePointer<CChar>? = chunkBase
                    var outLeft = chunkSize
                    let status = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    let error = errno
                    drain(outPointer)
                    // iconv reports failure as (size_t)-1, which Swift imports as the Int -1.
                    guard status == -1 else { continue }
                    if error == E2BIG { continue }
                    hadErrors = true
                    result.append(contentsOf: replacement)
                    if error == EILSEQ, inLeft > 0 {
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                    } else {
                        break
                    }
                }
                var outPointer: UnsafeMutablePointer<CChar>? = chunkBase
                var outLeft = chunkSize
                _ = iconv(descriptor, nil, nil, &outPointer, &outLeft)
                drain(outPointer)
            }
        }
        return (String(decoding: result, as: UTF8.self), hadErrors)
    }

    /// An idle descriptor for `charset`, or a new one; nil when iconv does not know it.
    private static func take(_ charset: String) -> iconv_t? {
        if let pooled = idle.withLock({ $0[charset]?.popLast() }) { return pooled.handle }
        return open(charset)
    }

    /// Resets `descriptor` to its initial shift state and returns it to the pool (or closes it).
    private static func give(_ descriptor: iconv_t, _ charset: String) {
        _ = iconv(descriptor, nil, nil, nil, nil)
        let kept = idle.withLock { pool -> Bool in
            guard pool[charset, default: []].count < maxIdlePerCharset else { return false }
            pool[charset, default: []].append(Descriptor(handle: descriptor))
            return true
        }
        if !kept { iconv_close(descriptor) }
    }

    private static func open(_ charset: String) -> iconv_t? {
        let descriptor = iconv_open("UTF-8", charset)
        guard let descriptor, Int(bitPattern: descriptor) != -1 else { return nil }
        return descriptor
    }
}
