
/// Separates what the customer wrote in this mail from what they quoted or forwarded, their
/// signature and their disclaimer: only their own words should decide what they ask for, otherwise
/// a quoted reply of ours or a forwarded bounce would classify the mail.
struct OwnWords: Sendable {
    /// The customer's own words, as UTF-8.
    var textUTF8: [UInt8]
    /// Quoted and forwarded text as UTF-8 (looked at only by rules that ask for it).
    var quotedUTF8: [UInt8]

    /// The customer's own words.
    var text: String { String(decoding: textUTF8, as: UTF8.self) }
    /// Quoted and forwarded text.
    var quoted: String { String(decoding: quotedUTF8, as: UTF8.self) }

    /// Lines that start quoted or forwarded material ("-----Original Message-----" and friends).
    static let separatorMarkers = [
        "-----ursprüngliche nachricht", "-----original message", "----- original message", "---------- forwarded message",
        "-------- weitergeleitete nachricht", "---------- weitergeleitete nachricht", "-----weitergeleitete nachricht",
        "begin forwarded message", "anfang der weitergeleiteten nachricht", "-------- original message",
        "-------- ursprüngliche nachricht", "________________________________",
    ]
    /// Closing formulas after which only the signature follows.
    static let closings = [
        "mit freundlichen grüßen", "mit freundlichen grüssen", "mit freundlichem gruß", "mit freundlichem gruss",
        "freundliche grüße", "freundliche grüsse", "viele grüße", "viele grüsse", "beste grüße", "beste grüsse",
        "liebe grüße", "liebe grüsse", "herzliche grüße", "schöne grüße", "gruß", "gruss", "grüße", "grüsse",
        "mfg", "lg", "vg", "best regards", "kind regards", "regards", "best wishes", "cheers", "best,", "thanks,",
        "sincerely", "yours sincerely", "with kind regards", "warm regards", "many thanks,",
    ]
    /// Disclaimer and device lines: everything from here on is boilerplate.
    static let disclaimerMarkers = [
        "diese e-mail enthält vertrauliche", "diese nachricht enthält vertrauliche", "this e-mail and any attachments",
        "this email and any attachments", "confidentiality notice", "this message is confidential", "disclaimer:",
        "von meinem iphone gesendet", "gesendet von meinem", "sent from my iphone", "sent from my", "get outlook for",
        "von outlook für", "diese e-mail wurde von", "geschäftsführer:", "amtsgericht", "handelsregister",
    ]
    /// A closing formula only ends the text when its line is this short.
    static let maximumClosingLineLength = 40
    /// "Viele Grüße, Max Müller" ends the text; "Grüße aus München, unser Shop ist weg" does not.
    static let maximumNameAfterClosing = 22

    /// Mail lines are rarely shorter on average: the line list is reserved for it up front.
    static let bytesPerLineEstimate = 40

    /// Markers sit at the start of a line: only this much of each line is inspected.
    static let inspectedLineLength = 120

    private static let separatorBytes = separatorMarkers.map { Array($0.utf8) }
    private static let closingBytes = closings.map { Array($0.utf8) }
    private static let disclaimerBytes = disclaimerMarkers.map { Array($0.utf8) }
    /// The words of quote introductions, as bytes once (not per line).
    private static let amBytes = Array("am ".utf8)
    private static let onBytes = Array("on ".utf8)
    private static let vonBytes = Array("von:".utf8)
    private static let fromBytes = Array("from:".utf8)
    private static let schriebBytes = Array("schrieb".utf8)
    private static let wroteBytes = Array("wrote".utf8)
    private static let quoteLineEndings = ["schrieb:", "wrote:", "a écrit :"].map { Array($0.utf8) }
    /// First bytes of every closing formula and disclaimer marker: other lines skip those lists.
    /// (A table by byte rather than a set: it is consulted for every line.)
    private static let markerFirstBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for marker in closings + disclaimerMarkers { if let first = marker.utf8.first { table[Int(first)] = true } }
        return table
    }()
    private static let headerFollowers = ["gesendet:", "sent:", "datum:", "date:", "an:", "to:"].map { Array($0.utf8) }

    init(_ body: String) {
        let bytes = Array(body.utf8)
        var lines: [Range<Int>] = []
        lines.reserveCapacity(bytes.count / Self.bytesPerLineEstimate + 1)
        bytes.withUnsafeBufferPointer { bytes in
            var lineStart = 0
            for offset in 0..<bytes.count where bytes[offset] == UInt8(ascii: "\n") {
                lines.append(lineStart..<offset)
                lineStart = offset + 1
            }
            lines.append(lineStart..<bytes.count)
        }
        // Lower-cased once for the whole body; each line is then a view into it (no array per line).
        let lowered = Self.lowered(bytes)
        var own: [Range<Int>] = []
        var quoted: [Range<Int>] = []
        own.reserveCapacity(lines.count)
        quoted.reserveCapacity(lines.count)
        lowered.withUnsafeBufferPointer { lowered in
            let inspected = lines.map { UnsafeBufferPointer(rebasing: lowered[Self.inspected(lowered, $0)]) }
            var index = 0
            var rest = false
            while index < lines.count {
                let line = inspected[index]
                if rest {
                    quoted.append(lines[index])
                } else if line.first == UInt8(ascii: ">") || line.starts(with: Self.barQuoteBytes) {
                    quoted.append(lines[index])
                } else if Self.startsQuote(line, following: inspected, at: index) {
                    rest = true
                    quoted.append(lines[index])
                } else if line.elementsEqual(Self.signatureDashes) || Self.startsClosingOrDisclaimer(line) {
                    // Signature, closing or disclaimer: the rest is not a request, unless a quote follows.
                    var next = index + 1
                    while next < lines.count {
                        let candidate = inspected[next]
                        if candidate.first == UInt8(ascii: ">") || Self.startsQuote(candidate, following: inspected, at: next) { break }
                        next += 1
                    }
                    index = next
                    continue
                } else {
                    own.append(lines[index])
                }
                index += 1
            }
        }
        textUTF8 = Self.join(bytes, own)
        quotedUTF8 = Self.join(bytes, quoted)
    }

    private static func join(_ bytes: [UInt8], _ ranges: [Range<Int>]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(ranges.reduce(0) { $0 + $1.count + 1 })
        for (position, range) in ranges.enumerated() {
            if position > 0 { out.append(UInt8(ascii: "\n")) }
            out += bytes[range]
        }
        return out
    }

    /// `bytes` with ASCII and German capitals (Ä Ö Ü and the other Latin-1 letters) in lower case,
    /// which is what markers are compared with.
    private static func lowered(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        out.withUnsafeMutableBufferPointer { out in
            var position = 0
            while position < out.count {
                let byte = out[position]
                if byte &- 0x41 < 26 {
                    out[position] = byte + 0x20
                } else if byte == 0xC3, position + 1 < out.count, out[position + 1] &- 0x80 <= 0x1E, out[position + 1] != 0x97 {
                    out[position + 1] += 0x20
                    position += 1
                }
                position += 1
            }
        }
        return out
    }

    /// The start of a line without surrounding blanks: the part markers are compared with.
    private static func inspected(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0D { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        return start..<min(end, start + inspectedLineLength)
    }

    private static let signatureDashes = Array("--".utf8)
    private static let barQuoteBytes = Array("|>".utf8)

    private static func startsClosingOrDisclaimer(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = line.first, markerFirstBytes[Int(first)] else { return false }
        return isClosing(line) || disclaimerBytes.contains(where: line.starts(with:))
    }

    private static func isClosing(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count <= maximumClosingLineLength * 2 else { return false }
        return closingBytes.contains { closing in
            guard line.starts(with: closing), line.count <= closing.count + maximumNameAfterClosing else { return false }
            guard closing.count < line.count else { return true }
            let after = line[closing.count]
            return after == UInt8(ascii: ",") || after == UInt8(ascii: " ") || after == UInt8(ascii: "!") || after == UInt8(ascii: ".")
        }
    }

    /// "Am … schrieb …:", "On … wrote:", separator lines, or an Outlook "Von:/From:" block with
    /// "Gesendet:/Sent:" right below it.
    private static func startsQuote(_ line: UnsafeBufferPointer<UInt8>, following lines: [UnsafeBufferPointer<UInt8>], at index: Int) -> Bool {
        guard let first = line.first else { return false }
        if (first == UInt8(ascii: "-") || first == UInt8(ascii: "_") || first == UInt8(ascii: "b") || first == UInt8(ascii: "a")),
           separatorBytes.contains(where: line.starts(with:)) {
            return true
        }
        if first == UInt8(ascii: "a") || first == UInt8(ascii: "o"), line.starts(with: amBytes) || line.starts(with: onBytes) {
            if contains(line, schriebBytes) || contains(line, wroteBytes) { return true }
        }
        if line.last == UInt8(ascii: ":"), quoteLineEndings.contains(where: { ends(line, $0) }) { return true }
        if first == UInt8(ascii: "v") || first == UInt8(ascii: "f"), line.starts(with: vonBytes) || line.starts(with: fromBytes) {
            return lines[(index + 1)..<min(lines.count, index + 5)].contains { next in
                headerFollowers.contains(where: next.starts(with:))
            }
        }
        return false
    }

    private static func contains(_ line: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard line.count >= needle.count else { return false }
        for offset in 0...(line.count - needle.count) where line[offset..<(offset + needle.count)].elementsEqual(needle) { return true }
        return false
    }

    private static func ends(_ line: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        return line.count >= needle.count && line[(line.count - needle.count)...].elementsEqual(needle)
    }
}
