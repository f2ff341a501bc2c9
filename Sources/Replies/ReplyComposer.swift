import Foundation
import MailCore

/// Composes RFC 5322-correct replies from templates: threaded, marked as automatic (RFC 3834),
/// UTF-8 quoted-printable, CRLF throughout, and with no CR/LF from any input in a header.
public struct ReplyComposer: Sendable {
    public let templates: TemplateCatalog
    public let support: SupportIdentity

    public init(templates: TemplateCatalog, support: SupportIdentity) {
        self.templates = templates
        self.support = support
    }

    public func compose(_ request: ReplyRequest) -> OutboundMail {
        var values = request.values
        values["ticket_number"] = .text(request.ticketNumber)
        values["customer_name"] = .text(HeaderText.sanitized(request.recipientName))
        values["original_subject"] = .text(ReplySubject.base(request.originalSubject ?? ""))
        values["support_name"] = .text(support.name)
        values["support_address"] = .text(support.address)
        let (subject, body) = templates.template(request.kind, language: request.language).render(values)

        let messageID = Self.messageID(ticket: request.ticketNumber, kind: request.kind, inboundKey: request.inboundKey,
                                       domain: support.domain)
        let recipient = HeaderText.sanitized(request.recipient)
        var head = ""
        head += HeaderText.field("From", MailboxText.render(name: support.name, address: support.address))
        head += HeaderText.field("To", MailboxText.render(name: request.recipientName, address: recipient))
        head += HeaderText.field("Subject", subject)
        head += HeaderText.field("Date", RFC5322Date.headerValue(request.date))
        head += HeaderText.field("Message-ID", "<\(messageID)>")
        if let parent = request.inReplyTo.map(MessageIDText.sanitized), !parent.isEmpty {
            head += HeaderText.field("In-Reply-To", "<\(parent)>")
            let chain = (request.references.map(MessageIDText.sanitized) + [parent]).filter { !$0.isEmpty }
            head += HeaderText.field("References", Self.uniqued(chain).map { "<\($0)>" }.joined(separator: " "))
        }
        head += HeaderText.field("Auto-Submitted", "auto-replied")
        head += HeaderText.field("X-Auto-Response-Suppress", "All")
        head += HeaderText.field("MIME-Version", "1.0")
        head += HeaderText.field("Content-Type", "text/plain; charset=utf-8")
        head += HeaderText.field("Content-Transfer-Encoding", "quoted-printable")
        let bytes = Array((head + "\r\n").utf8) + QuotedPrintable.encode(body)
        return OutboundMail(messageID: messageID, sender: support.address, recipient: recipient, kind: request.kind, bytes: bytes)
    }

    /// The deterministic Message-ID of the reply of `kind` on `ticket` to the inbound message `inboundKey`.
    public static func messageID(ticket: String, kind: ReplyKind, inboundKey: String, domain: String) -> String {
        let key = MessageIDText.token(inboundKey).prefix(16)
        return "ticket-\(MessageIDText.token(ticket)).\(kind.rawValue).\(key)@\(MessageIDText.token(domain))"
    }

    private static func uniqued(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}
