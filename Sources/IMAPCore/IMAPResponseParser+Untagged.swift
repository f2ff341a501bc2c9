extension IMAPResponseParser {
    /// `response-data` after `* ` (RFC 9051 §7.2–7.5).
    static func untagged(_ cursor: inout FrameCursor) throws -> UntaggedResponse {
        if let first = cursor.peek, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") {
            return try numbered(&cursor)
        }
        let name = try cursor.atom().uppercased()
        switch name {
        case "OK", "NO", "BAD", "PREAUTH", "BYE":
            guard let condition = ResponseCondition(rawValue: name) else { throw cursor.error("a condition") }
            return .status(condition, try responseText(&cursor))
        case "CAPABILITY":
            return .capability(cursor.rest().split(separator: " ").map(String.init))
        case "FLAGS":
            try cursor.space()
            return .flags(try cursor.atomList())
        case "SEARCH":
            return .search(try searchResults(&cursor))
        case "ESEARCH":
            return .esearch(try extendedSearch(&cursor))
        default:
            cursor.skipSpaces()
            return .other(name: name, text: cursor.rest())
        }
    }

    /// `nz-number SP ("EXISTS" / "RECENT" / "EXPUNGE" / "FETCH" SP msg-att)`.
    private static func numbered(_ cursor: inout FrameCursor) throws -> UntaggedResponse {
        let number = try cursor.number()
        try cursor.space()
        let name = try cursor.atom().uppercased()
        switch name {
        case "EXISTS": return .exists(number)
        case "RECENT": return .recent(number)
        case "EXPUNGE": return .expunge(number)
        case "FETCH":
            try cursor.space()
            return .fetch(try fetchAttributes(sequenceNumber: number, &cursor))
        default:
            cursor.skipSpaces()
            return .other(name: name, text: "\(number) " + cursor.rest())
        }
    }

    /// `mailbox-data =/ "SEARCH" *(SP nz-number)`; a trailing `(MODSEQ n)` (RFC 7162) is ignored.
    private static func searchResults(_ cursor: inout FrameCursor) throws -> [UInt32] {
        var uids: [UInt32] = []
        cursor.skipSpaces()
        while let byte = cursor.peek, byte != UInt8(ascii: "(") {
            guard uids.count < cursor.limits.maxSearchResults else {
                throw IMAPParseError(.tooManySearchResults(limit: cursor.limits.maxSearchResults),
                                     excerpt: IMAPParseError.excerpt(of: cursor.text))
            }
            uids.append(try cursor.uid())
            cursor.skipSpaces()
        }
        return uids
    }

    /// `esearch-response = "ESEARCH" [search-correlator] [SP "UID"] *(SP search-return-data)` (RFC 4731).
    private static func extendedSearch(_ cursor: inout FrameCursor) throws -> ExtendedSearchResult {
        var result = ExtendedSearchResult()
        cursor.skipSpaces()
        if cursor.consume(UInt8(ascii: "(")) {
            cursor.skipSpaces()
            guard try cursor.atom().uppercased() == "TAG" else { throw cursor.error("TAG in the search correlator") }
            try cursor.space()
            result.tag = try cursor.astring()
            cursor.skipSpaces()
            try cursor.expect(")")
            cursor.skipSpaces()
        }
        while !cursor.isAtEnd {
            let name = try cursor.atom().uppercased()
            if name == "UID" {
                result.isUID = true
                cursor.skipSpaces()
                continue
            }
            try cursor.space()
            switch name {
            case "MIN": result.min = try cursor.uid()
            case "MAX": result.max = try cursor.uid()
            case "COUNT": result.count = try cursor.number()
            case "ALL":
                let text = try cursor.atom()
                guard let set = SequenceSet.parse(text) else { throw cursor.error("a sequence set after ALL") }
                guard set.expanded(limit: cursor.limits.maxSearchResults) != nil else {
                    throw IMAPParseError(.tooManySearchResults(limit: cursor.limits.maxSearchResults),
                                         excerpt: IMAPParseError.excerpt(of: cursor.text))
                }
                result.all = set
            default: try cursor.skipValue()
            }
            cursor.skipSpaces()
        }
        return result
    }
}
