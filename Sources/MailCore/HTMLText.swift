/// Renders HTML as plain text, so that HTML-only mail has words for the classifier.
public enum HTMLText {
    // PLACEHOLDER: the real renderer replaces this naive tag stripper (Foundation issue).
    public static func render(_ html: String) -> String {
        var out = ""
        var inTag = false
        for ch in html {
            if ch == "<" { inTag = true; out.append(" ") } else if ch == ">" { inTag = false } else if !inTag { out.append(ch) }
        }
        return out
    }
}
