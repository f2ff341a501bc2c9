/// HTML character references (HTML 5 §13.5): the named ones real mail uses, and numeric ones.
enum HTMLEntities {
    /// Longest entity name looked up (longer runs after "&" are plain text).
    static let maxNameLength = 32

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ensp": " ", "emsp": " ",
        "thinsp": " ", "shy": "", "zwnj": "", "zwj": "", "lrm": "", "rlm": "",
        "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß",
        "euml": "ë", "iuml": "ï", "Euml": "Ë", "Iuml": "Ï", "yuml": "ÿ",
        "aacute": "á", "eacute": "é", "iacute": "í", "oacute": "ó", "uacute": "ú", "Aacute": "Á", "Eacute": "É",
        "Iacute": "Í", "Oacute": "Ó", "Uacute": "Ú", "agrave": "à", "egrave": "è", "igrave": "ì", "ograve": "ò",
        "ugrave": "ù", "Agrave": "À", "Egrave": "È", "acirc": "â", "ecirc": "ê", "icirc": "î", "ocirc": "ô",
        "ucirc": "û", "atilde": "ã", "ntilde": "ñ", "otilde": "õ", "Ntilde": "Ñ", "ccedil": "ç", "Ccedil": "Ç",
        "aring": "å", "Aring": "Å", "aelig": "æ", "AElig": "Æ", "oslash": "ø", "Oslash": "Ø",
        "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "copy": "©", "reg": "®", "trade": "™",
        "sect": "§", "para": "¶", "deg": "°", "plusmn": "±", "times": "×", "divide": "÷", "micro": "µ",
        "middot": "·", "bull": "•", "hellip": "…", "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’",
        "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„", "laquo": "«", "raquo": "»", "lsaquo": "‹",
        "rsaquo": "›", "iexcl": "¡", "iquest": "¿", "frac12": "½", "frac14": "¼", "frac34": "¾", "sup2": "²",
        "sup3": "³", "ordf": "ª", "ordm": "º", "not": "¬", "macr": "¯", "acute": "´", "uml": "¨", "cedil": "¸",
        "rarr": "→", "larr": "←", "uarr": "↑", "darr": "↓", "harr": "↔", "rArr": "⇒", "check": "✓",
    ]

    /// The text of `&name;` or `&#NNN;` / `&#xHH;` (the part between "&" and ";"), or nil.
    static func decode(_ reference: String) -> String? {
        if let text = named[reference] { return text }
        guard reference.hasPrefix("#") else { return nil }
        let digits = reference.dropFirst()
        let value: UInt32?
        if digits.hasPrefix("x") || digits.hasPrefix("X") {
            value = UInt32(digits.dropFirst(), radix: 16)
        } else {
            value = UInt32(digits, radix: 10)
        }
        guard let value else { return nil }
        // HTML 5: NUL, surrogates and out-of-range references become U+FFFD; 0x80-0x9F are windows-1252.
        if (0x80...0x9F).contains(value) {
            return SingleByteCharset.windows1252([UInt8(value)])
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return String(Character(scalar))
    }
}
