/// CSV rows (RFC 4180) that spreadsheets open safely: fields with the separator, quotes, CR or LF
/// are quoted with doubled quotes; rows end in CRLF. Text that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or CR, OWASP "CSV injection") gets a leading `'`, so a
/// customer's subject like `=HYPERLINK(…)` stays text.
public struct CSVWriter: Sendable {
    /// `,` for RFC 4180; `;` for spreadsheets in locales with a decimal comma (German Excel).
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
        let needsQuotes = value.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
