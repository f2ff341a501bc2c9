import Foundation

/// Writes messages that are mostly encoded body: a short text part, a multi-MB base64 attachment
/// and a quoted-printable text attachment with umlauts, as a scanner or log export would send them.
struct BodyHeavyCorpus {
    static let defaultMessages = 6
    static let defaultMegabytesPerMessage = 4
    static let base64LineLength = 76

    let messages: Int
    let megabytesPerMessage: Int

    func write(to directory: String) throws -> Int {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var generator = DeterministicBytes(seed: 0x5EED)
        for index in 0..<messages {
            let binarySize = megabytesPerMessage * 1_000_000 * 2 / 3
            let textSize = megabytesPerMessage * 1_000_000 / 3
            let message = messageBytes(index: index, binary: generator.bytes(binarySize), textBytes: textSize)
            try Data(message).write(to: URL(fileURLWithPath: "\(directory)/body-heavy-\(index).eml"))
        }
        return messages
    }

    private func messageBytes(index: Int, binary: [UInt8], textBytes: Int) -> [UInt8] {
        var out = """
            From: Scanner <scanner@example.de>\r
            To: support@webhost.example\r
            Subject: Protokolle und Scan \(index)\r
            Date: Tue, 03 Nov 2026 10:00:00 +0100\r
            Message-ID: <body-heavy-\(index)@example.de>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="heavy"\r
            \r
            --heavy\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            Anbei der Scan und das Protokoll.\r
            --heavy\r
            Content-Type: application/pdf; name="scan-\(index).pdf"\r
            Content-Disposition: attachment; filename="scan-\(index).pdf"\r
            Content-Transfer-Encoding: base64\r
            \r

            """
        let encoded = Data(binary).base64EncodedString()
        var line = encoded.startIndex
        while line < encoded.endIndex {
            let end = encoded.index(line, offsetBy: Self.base64LineLength, limitedBy: encoded.endIndex) ?? encoded.endIndex
            out += encoded[line..<end] + "\r\n"
            line = end
        }
        out += """
            --heavy\r
            Content-Type: text/plain; charset=iso-8859-1; name="protokoll-\(index).log"\r
            Content-Disposition: attachment; filename="protokoll-\(index).log"\r
            Content-Transfer-Encoding: quoted-printable\r
            \r

            """
        let logLine = "2026-11-03 10:00:00 St=F6rung beim Abruf, Gr=F6=DFe des Postfachs =FCberschritten, Fehlercode 4=\r\n711\r\n"
        out += String(repeating: logLine, count: max(1, textBytes / logLine.utf8.count))
        out += "--heavy--\r\n"
        return Array(out.utf8)
    }
}

/// A small deterministic generator (SplitMix64), so that every run writes the same corpus.
struct DeterministicBytes {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(count + 8)
        while out.count < count {
            withUnsafeBytes(of: next()) { out.append(contentsOf: $0) }
        }
        return Array(out.prefix(count))
    }
}
