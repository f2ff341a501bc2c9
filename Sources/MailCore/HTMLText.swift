/// Renders HTML as plain text, so that HTML-only mail has words for the classifier.
///
/// Not a full HTML parser: a single pass that drops comments, `script`, `style`, `head` and
/// `title` content, turns block elements and `<br>` into line breaks and list items into
/// "- " lines, keeps link text, decodes character references, and collapses whitespace as a
/// browser would (except inside `<pre>`).
public enum HTMLText {
    /// Elements whose content is never shown.
    private static let hiddenElements: Set<String> = ["script", "style", "head", "title", "noscript", "template", "xml"]
    /// Elements that start and end on their own line.
    private static let blockElements: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "ul", "ol", "dl", "dt", "dd", "blockquote",
        "pre", "hr", "section", "article", "header", "footer", "nav", "aside", "main", "form", "address", "center",
        "fieldset", "figure", "figcaption", "caption", "tbody", "thead", "tfoot", "html", "body",
    ]

    public static func render(_ html: String) -> String {
        var renderer = Renderer(Array(html.unicodeScalars))
        renderer.run()
        return renderer.finish()
    }

    private struct Renderer {
        let input: [Unicode.Scalar]
        var index = 0
        var output = String.UnicodeScalarView()
        var preformatted = 0
        var pendingSpace = false

        init(_ input: [Unicode.Scalar]) { self.input = input }

        mutating func run() {
            while index < input.count {
                let scalar = input[index]
                if scalar == "<" {
                    readMarkup()
                } else if scalar == "&" {
                    readReference()
                } else {
                    index += 1
                    appendText(scalar)
                }
            }
        }

        mutating func appendText(_ scalar: Unicode.Scalar) {
            if preformatted == 0, scalar.properties.isWhitespace {
                pendingSpace = true
                return
            }
            if pendingSpace, let last = output.last, last != "\n" { output.append(" ") }
            pendingSpace = false
            output.append(scalar)
        }

        mutating func lineBreak() {
            pendingSpace = false
            output.append("\n")
        }

        /// A tag, comment, doctype or processing instruction, starting at "<".
        mutating func readMarkup() {
            if starts(with: "<!--") {
                index = end(of: "-->", from: index + 4)
                return
            }
            let next = index + 1 < input.count ? input[index + 1] : " "
            let closing = next == "/"
            let nameStart = index + (closing ? 2 : 1)
            guard nameStart < input.count, input[nameStart].properties.isAlphabetic || next == "!" || next == "?" else {
                index += 1
                appendText("<")
                return
            }
            var nameEnd = nameStart
            while nameEnd < input.count, input[nameEnd].properties.isAlphabetic || ("0"..."9").contains(input[nameEnd]) {
                nameEnd += 1
            }
            let name = String(String.UnicodeScalarView(input[nameStart..<nameEnd])).lowercased()
            index = tagEnd(from: nameEnd)
            handle(name, closing: closing)
        }

        mutating func handle(_ name: String, closing: Bool) {
            if !closing, hiddenElements.contains(name) {
                index = end(of: "</" + name, from: index, caseInsensitive: true)
                index = tagEnd(from: index)
                return
            }
            switch name {
            case "br": lineBreak()
            case "li":
                if !closing {
                    lineBreak()
                    output.append(contentsOf: "- ".unicodeScalars)
                }
            case "td", "th": pendingSpace = true
            case "pre":
                preformatted = max(0, preformatted + (closing ? -1 : 1))
                lineBreak()
            case "img", "a", "span", "b", "i", "u", "em", "strong", "font": break
            default:
                if blockElements.contains(name) { lineBreak() }
            }
        }

        /// A character reference at "&"; an unknown one stays as written.
        mutating func readReference() {
            var end = index + 1
            while end < input.count, end - index <= HTMLEntities.maxNameLength,
                  input[end].properties.isAlphabetic || ("0"..."9").contains(input[end]) || input[end] == "#" {
                end += 1
            }
            let name = String(String.UnicodeScalarView(input[(index + 1)..<end]))
            if let text = HTMLEntities.decode(name) {
                index = end < input.count && input[end] == ";" ? end + 1 : end
                for scalar in text.unicodeScalars { appendText(scalar == "\u{A0}" ? " " : scalar) }
            } else {
                index += 1
                appendText("&")
            }
        }

        func starts(with text: String) -> Bool {
            var position = index
            for scalar in text.unicodeScalars {
                guard position < input.count, input[position] == scalar else { return false }
                position += 1
            }
            return true
        }

        /// The index after the next occurrence of `marker` at or after `from` (or the input end).
        func end(of marker: String, from: Int, caseInsensitive: Bool = false) -> Int {
            let needle = Array((caseInsensitive ? marker.lowercased() : marker).unicodeScalars)
            guard let first = needle.first else { return from }
            var position = from
            while position + needle.count <= input.count {
                let scalar = caseInsensitive ? lower(input[position]) : input[position]
                if scalar == first,
                   needle.indices.allSatisfy({ (caseInsensitive ? lower(input[position + $0]) : input[position + $0]) == needle[$0] }) {
                    return position + needle.count
                }
                position += 1
            }
            return input.count
        }

        /// The index after the ">" closing a tag, skipping quoted attribute values.
        func tagEnd(from start: Int) -> Int {
            var position = start
            var quote: Unicode.Scalar?
            while position < input.count {
                let scalar = input[position]
                if let open = quote {
                    if scalar == open { quote = nil }
                } else if scalar == "\"" || scalar == "'" {
                    quote = scalar
                } else if scalar == ">" {
                    return position + 1
                }
                position += 1
            }
            return input.count
        }

        private func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
        }

        /// The text with trimmed lines and at most one blank line in a row.
        func finish() -> String {
            var lines: [Substring] = []
            var blank = 0
            for line in String(output).split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
                // Up to the last character that is not a space or tab (no reversed copies: they were
                // most of the cost of rendering).
                let end = trimmed.lastIndex(where: { $0 != " " && $0 != "\t" }).map { trimmed.index(after: $0) }
                let cleaned = trimmed[..<(end ?? trimmed.startIndex)]
                if cleaned.isEmpty {
                    blank += 1
                    if blank > 1 || lines.isEmpty { continue }
                } else {
                    blank = 0
                }
                lines.append(cleaned)
            }
            while lines.last?.isEmpty == true { lines.removeLast() }
            return lines.joined(separator: "\n")
        }
    }
}
