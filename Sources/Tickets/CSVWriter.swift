/// CSV rows (RFC 4180) that spreadsheets open safely: fields with the separator, quotes, CR or LF
/// are quoted with doubled quotes; rows end in CRLF. Text that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or CR, OWASP "CSV injection") gets a leading `'`, so a
/// customer's subject like `=HYPERLINK(…)` stays text.
public struct CSVWriter: Sendable {
    /// `,` for RFC 4180; `;` for spreadsheets in locales with a decimal comma (German Excel).
    /// An ASCII character (a non-ASCII one would be written as `,`).
    public var separator: Character
    public private(set) var text = ""

    public init(separator: Character) {
        self.separator = separator
    }

    /// Appends one row of already formatted cells.
    public mutating func row(_ cells: [Cell]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { text.append(separator) }
            text += encode(cell)
        }
        text += "\r\n"
    }

    /// A cell: text from outside (neutralised and quoted as needed) or a number we formatted.
    public enum Cell: Sendable, Hashable {
        case text(String)
        case number(String)
    }

    private static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    private func encode(_ cell: Cell) -> String {
        var value: String
        switch cell {
        case .number(let number): value = number
        case .text(let text):
            value = text
            if let first = value.first, Self.formulaStarts.contains(first) { value = "'" + value }
        }
        // Byte checks: the separator, quote, CR and LF are ASCII, and UTF-8 never reuses ASCII bytes.
        let separatorByte = separator.asciiValue ?? UInt8(ascii: ",")
        guard value.utf8.contains(where: { $0 == separatorByte || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
            return value
        }
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        quoted.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            quoted.append(byte)
            if byte == UInt8(ascii: "\"") { quoted.append(byte) }
        }
        quoted.append(UInt8(ascii: "\""))
        return String(decoding: quoted, as: UTF8.self)
    }
}
