/// Reads msg-ids (RFC 5322 §3.6.4) from Message-ID, In-Reply-To and References, without the
/// angle brackets. Real mail omits the brackets or puts comments and phrases between ids
/// (RFC 5322 §4.5.4 obs-in-reply-to), so: every `<…>` in order, else the whitespace-separated words.
enum MessageIDList {
    static func ids(_ value: [UInt8]) -> [String] {
        let text = CharsetDecoder.guess(value)
        var ids: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: ">") else { break }
            let id = rest[afterOpen..<close].filter { !$0.isWhitespace }
            if !id.isEmpty { ids.append(String(id)) }
            rest = rest[rest.index(after: close)...]
            if ids.count >= ParseLimits.maxReferences { return ids }
        }
        if !ids.isEmpty { return ids }
        return text.split(whereSeparator: { $0.isWhitespace || $0 == "," })
            .filter { !$0.hasPrefix("(") }
            .prefix(ParseLimits.maxReferences)
            .map(String.init)
    }
}
