internal import Glibc

/// Finds the parts of a multipart body (RFC 2046 §5.1.1): delimiter lines `--boundary`, the
/// close delimiter `--boundary--`, each optionally followed by spaces or tabs. The line break
/// before a delimiter belongs to the delimiter. Searching uses `memchr`, so a large base64
/// attachment costs one fast scan rather than per-line work.
struct BoundaryScanner {
    struct Split {
        /// Byte ranges of the body parts, without the delimiter lines.
        var parts: [Range<Int>]
        var foundClose: Bool
    }

    let bytes: [UInt8]

    /// The parts of `range` delimited by `boundary`, or nil when no delimiter line occurs.
    func split(_ range: Range<Int>, boundary: [UInt8]) -> Split? {
        let delimiter = Array("--".utf8) + boundary
        var parts: [Range<Int>] = []
        var partStart: Int?
        var searchFrom = range.lowerBound
        while let (lineStart, isClose, nextLine) = nextDelimiter(delimiter, in: searchFrom..<range.upperBound) {
            if let start = partStart {
                parts.append(start..<max(start, lineBreakStart(before: lineStart, floor: start)))
            }
            if isClose { return Split(parts: parts, foundClose: true) }
            partStart = nextLine
            searchFrom = nextLine
        }
        guard let start = partStart else { return nil }
        // Without a close delimiter the last line break still ends the part (as in Python's email).
        parts.append(start..<max(start, lineBreakStart(before: range.upperBound, floor: start)))
        return Split(parts: parts, foundClose: false)
    }

    /// The text of the first line in `range` that looks like a delimiter (`--` and a token),
    /// for recovering from a boundary parameter that does not match the body.
    func guessBoundary(in range: Range<Int>) -> [UInt8]? {
        var lineStart = range.lowerBound
        while lineStart + 2 < range.upperBound {
            var lineEnd = lineStart
            while lineEnd < range.upperBound, bytes[lineEnd] != ASCII.lf { lineEnd += 1 }
            let line = ASCII.trimmed(bytes[lineStart..<lineEnd])
            if line.count > 2, line.starts(with: [ASCII.hyphen, ASCII.hyphen]) {
                var candidate = line.dropFirst(2)
                if candidate.count > 2, candidate.hasSuffixHyphens { candidate = candidate.dropLast(2) }
                if !candidate.isEmpty, !candidate.contains(ASCII.space) { return Array(candidate) }
            }
            lineStart = lineEnd + 1
        }
        return nil
    }

    /// The next delimiter line in `range`: where it starts, whether it closes, and where the
    /// following line starts.
    private func nextDelimiter(_ delimiter: [UInt8], in range: Range<Int>) -> (Int, Bool, Int)? {
        var from = range.lowerBound
        while from < range.upperBound {
            guard let found = find(delimiter, in: from..<range.upperBound) else { return nil }
            from = found + 1
            guard found == range.lowerBound || bytes[found - 1] == ASCII.lf || bytes[found - 1] == ASCII.cr else {
                continue
            }
            var index = found + delimiter.count
            var isClose = false
            if index + 1 < range.upperBound, bytes[index] == ASCII.hyphen, bytes[index + 1] == ASCII.hyphen {
                isClose = true
                index += 2
            }
            while index < range.upperBound, bytes[index] == ASCII.space || bytes[index] == ASCII.tab { index += 1 }
            if index == range.upperBound { return (found, isClose, index) }
            if bytes[index] == ASCII.lf { return (found, isClose, index + 1) }
            if bytes[index] == ASCII.cr {
                let next = index + 1 < range.upperBound && bytes[index + 1] == ASCII.lf ? index + 2 : index + 1
                return (found, isClose, next)
            }
        }
        return nil
    }

    /// Start of the CRLF or LF that ends the line before `lineStart`.
    private func lineBreakStart(before lineStart: Int, floor: Int) -> Int {
        var end = lineStart
        if end > floor, bytes[end - 1] == ASCII.lf { end -= 1 }
        if end > floor, bytes[end - 1] == ASCII.cr { end -= 1 }
        return end
    }

    /// First occurrence of `needle` (which starts with "-") in `range`: `memchr` jumps to each "-",
    /// and base64 bodies contain none.
    private func find(_ needle: [UInt8], in range: Range<Int>) -> Int? {
        guard range.count >= needle.count, let first = needle.first else { return nil }
        return bytes.withUnsafeBufferPointer { haystack -> Int? in
            guard let base = haystack.baseAddress else { return nil }
            var from = range.lowerBound
            let lastStart = range.upperBound - needle.count
            while from <= lastStart {
                guard let hit = memchr(base + from, Int32(first), lastStart - from + 1) else { return nil }
                let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                if memcmp(base + index, needle, needle.count) == 0 { return index }
                from = index + 1
            }
            return nil
        }
    }
}

extension ArraySlice where Element == UInt8 {
    fileprivate var hasSuffixHyphens: Bool {
        count >= 2 && self[endIndex - 1] == ASCII.hyphen && self[endIndex - 2] == ASCII.hyphen
    }
}
