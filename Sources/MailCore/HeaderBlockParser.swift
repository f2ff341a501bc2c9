internal import Glibc

/// Reads the header section of one entity (RFC 5322 §2.2, §3.6; RFC 2045 §3 for MIME parts).
///
/// Tolerated like Python's `email.feedparser`: bare LF and lone CR line ends, a continuation line
/// before any field (dropped), an mbox `From ` line inside the header (dropped), and a line that is neither a
/// field nor a continuation, which ends the header: the body starts at that line.
struct HeaderBlockParser {
    let bytes: [UInt8]
    let range: Range<Int>

    struct Result {
        var fields: HeaderFields
        /// Offset of the first body byte (after the empty separator line).
        var bodyStart: Int
        var defects: [ParseDefect]
    }

    func parse() -> Result {
        var fields: [RawHeaderField] = []
        fields.reserveCapacity(16)
        var defects: [ParseDefect] = []
        var current: (name: Range<Int>, value: [UInt8])?
        var position = range.lowerBound
        var sawLongLine = false
        var truncated = false

        func finish() {
            guard let field = current, !truncated else { return }
            current = nil
            if fields.count >= ParseLimits.maxHeaderFields {
                if !truncated {
                    defects.append(ParseDefect(kind: DefectKind.tooManyHeaderFields,
                                               detail: "more than \(ParseLimits.maxHeaderFields) fields, rest ignored"))
                    truncated = true
                }
                return
            }
            let trimmed = ASCII.trimmed(field.value)
            let value = trimmed.count == field.value.count ? field.value : Array(trimmed)
            fields.append(RawHeaderField(name: bytes[field.name], value: value))
        }

        while position < range.upperBound {
            let lineEnd = lineEnd(from: position)
            var contentEnd = lineEnd
            if contentEnd > position, bytes[contentEnd - 1] == ASCII.cr { contentEnd -= 1 }
            let next = min(lineEnd + 1, range.upperBound)
            if contentEnd - position > ParseLimits.maxLineLength, !sawLongLine {
                sawLongLine = true
                defects.append(ParseDefect(kind: DefectKind.lineTooLong,
                                           detail: "header line longer than \(ParseLimits.maxLineLength) octets"))
            }
            if contentEnd == position {
                finish()
                return Result(fields: HeaderFields(fields: fields), bodyStart: next, defects: defects)
            }
            if position - range.lowerBound > ParseLimits.maxHeaderBytes, !truncated {
                truncated = true
                defects.append(ParseDefect(kind: DefectKind.headerBlockTooLarge,
                                           detail: "header block over \(ParseLimits.maxHeaderBytes) bytes, rest ignored"))
            }
            let first = bytes[position]
            if first == ASCII.space || first == ASCII.tab {
                if current != nil, !truncated {
                    current?.value.append(contentsOf: bytes[position..<contentEnd])
                } else if current == nil {
                    defects.append(ParseDefect(kind: DefectKind.invalidHeaderLine,
                                               detail: "continuation line before the first field"))
                }
            } else if let colon = fieldNameEnd(position, contentEnd) {
                finish()
                // Leading whitespace is trimmed in finish() anyway; skipping it here spares a copy there.
                var valueStart = colon + 1
                while valueStart < contentEnd, ASCII.isWhitespace(bytes[valueStart]) { valueStart += 1 }
                current = (position..<colon, Array(bytes[valueStart..<contentEnd]))
            } else if startsWithFromSpace(position, contentEnd) {
                finish()
                defects.append(ParseDefect(kind: DefectKind.invalidHeaderLine, detail: "misplaced mbox 'From ' line"))
            } else {
                finish()
                defects.append(ParseDefect(kind: DefectKind.missingHeaderBodySeparator,
                                           detail: "line without a colon ends the header; body starts there"))
                return Result(fields: HeaderFields(fields: fields), bodyStart: position, defects: defects)
            }
            position = next
        }
        finish()
        return Result(fields: HeaderFields(fields: fields), bodyStart: range.upperBound, defects: defects)
    }

    /// Index of the LF (or lone CR, as old Mac mailers end lines) ending the line at `start`,
    /// or the range end. `memchr` finds the LF and then any CR before it: a byte-by-byte loop cost
    /// ~8 instructions a byte, a fifth of parsing a mail with a typical 1.7 KB header.
    private func lineEnd(from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, start < range.upperBound else { return start }
            let lf = memchr(base + start, Int32(ASCII.lf), range.upperBound - start)
                .map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) } ?? range.upperBound
            // A CR before the LF ends the line unless it is the CR of CRLF.
            var from = start
            while from < lf, let cr = memchr(base + from, Int32(ASCII.cr), lf - from) {
                let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(cr))
                if index + 1 >= range.upperBound || base[index + 1] != ASCII.lf { return index }
                from = index + 1
            }
            return lf
        }
    }

    /// RFC 5322 §3.6.8: `field-name = 1*ftext` (printable ASCII except ":") directly before ":".
    /// Like Python's email, an empty name (a line starting with ":") is still a field.
    /// Returns the colon's index.
    private func fieldNameEnd(_ start: Int, _ end: Int) -> Int? {
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == ASCII.colon { return index }
            if byte < 33 || byte > 126 { return nil }
            index += 1
        }
        return nil
    }

    private func startsWithFromSpace(_ start: Int, _ end: Int) -> Bool {
        end - start >= 5 && bytes[start..<(start + 5)].elementsEqual("From ".utf8)
    }
}
