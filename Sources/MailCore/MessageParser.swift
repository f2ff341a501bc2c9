internal import Glibc

/// Parses raw RFC 5322 / MIME bytes into a `ParsedMessage`. Never throws, never traps: what it
/// could not read cleanly becomes a `ParseDefect`, and the rest is its best reading.
public enum MessageParser {
    public static func parse(_ bytes: [UInt8]) -> ParsedMessage {
        var defects: [ParseDefect] = []
        let start = envelopeStart(bytes, defects: &defects)
        if bytes.withUnsafeBufferPointer({ buffer in buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false }) {
            defects.append(ParseDefect(kind: DefectKind.nulByte, detail: "message contains NUL bytes"))
        }
        let header = HeaderBlockParser(bytes: bytes, range: start..<bytes.count).parse()
        defects += header.defects
        var message = ParsedMessage()
        message.headers = header.fields.fields.map { HeaderField(name: String(decoding: $0.name, as: UTF8.self), value: CharsetDecoder.guess($0.value)) }
        readHeaderFields(header.fields, into: &message, defects: &defects)

        let tree = MIMETreeParser(bytes: bytes)
        let entities = tree.entities(topHeaders: header.fields, body: header.bodyStart..<bytes.count, defects: &defects)
        let selection = BodySelection(entities: entities)
        let order = selection.depthFirstOrder()
        message.contentType = entities.first?.contentType ?? "text/plain"
        message.partContentTypes = order.map { entities[$0].contentType }

        let textIndex = selection.body(subtype: "plain")
        let htmlIndex = selection.body(subtype: "html")
        message.textBody = textIndex.map { text(of: entities[$0], in: bytes, defects: &defects) }
        message.htmlBody = htmlIndex.map { text(of: entities[$0], in: bytes, defects: &defects) }
        let bodies = Set([textIndex, htmlIndex].compactMap { $0 })
        message.attachments = selection.attachmentIndices(excluding: bodies).map {
            attachment(entities[$0], in: bytes, defects: &defects)
        }
        message.defects = defects
        return message
    }

    /// Skips a UTF-8 byte order mark and an mbox `From ` envelope line; returns where the header starts.
    private static func envelopeStart(_ bytes: [UInt8], defects: inout [ParseDefect]) -> Int {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            start = 3
            defects.append(ParseDefect(kind: DefectKind.byteOrderMark, detail: "UTF-8 byte order mark skipped"))
        }
        if bytes[start...].starts(with: "From ".utf8) {
            let lineEnd = bytes[start...].firstIndex(of: ASCII.lf) ?? bytes.count
            start = min(lineEnd + 1, bytes.count)
            defects.append(ParseDefect(kind: DefectKind.mboxFromLine, detail: "mbox 'From ' line skipped"))
        }
        return start
    }

    /// The single-valued and address fields of the top-level header (parse-json.md).
    private static func readHeaderFields(_ fields: HeaderFields, into message: inout ParsedMessage,
                                         defects: inout [ParseDefect]) {
        message.subject = fields.first("subject").map { EncodedWordDecoder.decode($0, defects: &defects) }
        message.from = addresses(fields, "from", defects: &defects)
        message.to = addresses(fields, "to", defects: &defects)
        message.cc = addresses(fields, "cc", defects: &defects)
        message.replyTo = addresses(fields, "reply-to", defects: &defects)
        message.messageID = fields.first("message-id").flatMap { MessageIDList.ids($0).first }
        message.inReplyTo = fields.first("in-reply-to").flatMap { MessageIDList.ids($0).first }
        message.references = fields.all("references").flatMap { MessageIDList.ids($0) }
        if let raw = fields.first("date") {
            message.date = RFC5322Date.parse(utf8: ASCII.isSevenBit(raw) ? raw : Array(CharsetDecoder.guess(raw).utf8))
            if message.date == nil, !raw.isEmpty {
                defects.append(ParseDefect(kind: DefectKind.date, detail: "unreadable Date '\(CharsetDecoder.guess(raw))'"))
            }
        }
        message.autoSubmitted = fields.first("auto-submitted").map { ASCII.collapsingWhitespace(CharsetDecoder.guess($0)) }
        message.precedence = fields.first("precedence").map { ASCII.collapsingWhitespace(CharsetDecoder.guess($0)) }
    }

    private static func addresses(_ fields: HeaderFields, _ key: StaticString, defects: inout [ParseDefect]) -> [Mailbox] {
        fields.all(key).flatMap { AddressListParser.parse($0, defects: &defects) }
    }

    /// A text entity's content: transfer encoding removed, charset decoded, line ends as LF.
    static func text(of entity: MIMEEntity, in bytes: [UInt8], defects: inout [ParseDefect]) -> String {
        var (decoded, defect) = TransferDecoding.decode(bytes[entity.body], encoding: entity.transferEncoding)
        if let defect { defects.append(defect) }
        let charset = entity.contentTypeParameters["charset"]
        let resolved = CharsetDecoder.resolve(charset)
        if CharsetDecoder.isASCIICompatible(resolved) { decoded = LineEnds.normalized(decoded) }
        let (text, charsetDefect) = CharsetDecoder.decode(decoded, charset: charset, resolved: resolved)
        if let charsetDefect { defects.append(charsetDefect) }
        return text
    }

    private static func attachment(_ entity: MIMEEntity, in bytes: [UInt8], defects: inout [ParseDefect]) -> Attachment {
        let size: Int
        if entity.mainType == "message" {
            size = entity.body.count
        } else {
            let (decoded, defect) = TransferDecoding.decode(bytes[entity.body], encoding: entity.transferEncoding)
            if let defect { defects.append(defect) }
            size = decoded.count
        }
        return Attachment(filename: entity.filename, contentType: entity.contentType, sizeBytesDecoded: size)
    }
}
