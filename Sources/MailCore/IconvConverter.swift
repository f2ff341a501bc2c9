internal import Glibc

/// Converts bytes in any charset glibc's iconv knows to a `String`. A fresh conversion descriptor
/// per call keeps this free of shared mutable state (glibc caches the conversion tables itself).
enum IconvConverter {
    /// Output chunk size; iconv reports E2BIG and we drain the chunk.
    private static let chunkSize = 16 * 1024
    /// U+FFFD REPLACEMENT CHARACTER in UTF-8, for bytes the charset does not define.
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// The decoded text and whether some bytes were invalid (replaced by U+FFFD),
    /// or nil when iconv does not know `charset`.
    static func decode<C: Collection>(_ bytes: C, from charset: String) -> (text: String, hadErrors: Bool)?
    where C.Element == UInt8 {
        guard let descriptor = open(charset) else { return nil }
        defer { iconv_close(descriptor) }
        var input = Array(bytes)
        var result: [UInt8] = []
        result.reserveCapacity(input.count + input.count / 2)
        var hadErrors = false
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
                    guard status == size_t.max else { continue }
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

    /// Whether iconv can convert from `charset`.
    static func knows(_ charset: String) -> Bool {
        guard let descriptor = open(charset) else { return false }
        iconv_close(descriptor)
        return true
    }

    private static func open(_ charset: String) -> iconv_t? {
        let descriptor = iconv_open("UTF-8", charset)
        guard let descriptor, Int(bitPattern: descriptor) != -1 else { return nil }
        return descriptor
    }
}
