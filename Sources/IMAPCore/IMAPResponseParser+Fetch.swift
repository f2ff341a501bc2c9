extension IMAPResponseParser {
    /// `msg-att = "(" (msg-att-dynamic / msg-att-static) *(SP …) ")"` (RFC 9051 §7.5.2), in any
    /// item order. Items other than UID, RFC822.SIZE, FLAGS and the whole-message body are skipped.
    static func fetchAttributes(sequenceNumber: Int, _ cursor: inout FrameCursor) throws -> FetchResponse {
        var fetch = FetchResponse(sequenceNumber: sequenceNumber)
        try cursor.expect("(")
        cursor.skipSpaces()
        while !cursor.consume(UInt8(ascii: ")")) {
            guard !cursor.isAtEnd else { throw cursor.error("')' closing the FETCH items") }
            let name = try cursor.atom().uppercased()
            let section = try sectionAndOrigin(&cursor)
            try cursor.space()
            switch (name, section) {
            case ("UID", nil): fetch.uid = try cursor.uid()
            case ("RFC822.SIZE", nil): fetch.rfc822Size = try cursor.number()
            case ("FLAGS", nil): fetch.flags = try cursor.atomList()
            case ("RFC822", nil), ("BODY", ""?), ("BINARY", ""?): fetch.body = try cursor.nstring()
            default: try cursor.skipValue()
            }
            cursor.skipSpaces()
        }
        return fetch
    }

    /// `section = "[" [section-spec] "]"` plus an optional `<origin>`; returns the section text
    /// (empty for `BODY[]`), or nil when the item has no section.
    private static func sectionAndOrigin(_ cursor: inout FrameCursor) throws -> String? {
        guard cursor.consume(UInt8(ascii: "[")) else { return nil }
        let section = cursor.bytes(upTo: UInt8(ascii: "]"))
        try cursor.expect("]")
        if cursor.consume(UInt8(ascii: "<")) {
            _ = try cursor.number()
            try cursor.expect(">")
        }
        return section.uppercased()
    }
}
