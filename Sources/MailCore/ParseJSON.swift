/// The `parse --json` line for one message: exactly the keys of the parse-json contract, in its
/// order, as one line of JSON (JSON Lines).
public enum ParseJSON {
    public static func line(for message: ParsedMessage, file: String) -> String {
        var fields: [(String, String)] = []
        fields.append(("file", JSONString.quoted(file)))
        fields.append(("subject", JSONString.quotedOrNull(message.subject)))
        fields.append(("from", mailboxes(message.from)))
        fields.append(("to", mailboxes(message.to)))
        fields.append(("cc", mailboxes(message.cc)))
        fields.append(("reply_to", mailboxes(message.replyTo)))
        fields.append(("message_id", JSONString.quotedOrNull(message.messageID)))
        fields.append(("in_reply_to", JSONString.quotedOrNull(message.inReplyTo)))
        fields.append(("references", "[" + message.references.map(JSONString.quoted).joined(separator: ", ") + "]"))
        fields.append(("date", JSONString.quotedOrNull(message.date.map(RFC5322Date.iso8601))))
        fields.append(("text_body", JSONString.quotedOrNull(message.textBody)))
        fields.append(("html_present", message.htmlBody == nil ? "false" : "true"))
        fields.append(("attachments", "[" + message.attachments.map(attachment).joined(separator: ", ") + "]"))
        fields.append(("auto_submitted", JSONString.quotedOrNull(message.autoSubmitted)))
        fields.append(("precedence", JSONString.quotedOrNull(message.precedence)))
        fields.append(("defects", "[" + message.defects.map { JSONString.quoted($0.description) }.joined(separator: ", ") + "]"))
        return "{" + fields.map { JSONString.quoted($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    private static func mailboxes(_ list: [Mailbox]) -> String {
        "[" + list.map { "{\"name\": \(JSONString.quoted($0.name)), \"address\": \(JSONString.quoted($0.address))}" }
            .joined(separator: ", ") + "]"
    }

    private static func attachment(_ attachment: Attachment) -> String {
        let size = attachment.sizeBytesDecoded.map(String.init) ?? "null"
        return "{\"filename\": \(JSONString.quotedOrNull(attachment.filename)), "
            + "\"content_type\": \(JSONString.quoted(attachment.contentType)), \"size_bytes_decoded\": \(size)}"
    }
}
