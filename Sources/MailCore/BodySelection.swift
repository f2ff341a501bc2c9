/// Chooses the text and HTML bodies and the attachments of a parsed MIME tree, with the rules of
/// Python's `EmailMessage.get_body` and the attachment rules of the parse-json contract.
struct BodySelection {
    let entities: [MIMEEntity]

    /// The first `text/<subtype>` entity that is a body candidate (depth first):
    /// never an attachment, multipart/related only through its root, never inside `message/*`.
    func body(subtype: String) -> Int? {
        let wanted = "text/" + subtype
        var work = entities.isEmpty ? [] : [0]
        while let index = work.popLast() {
            if entities[index].isAttachmentDisposition { continue }
            if entities[index].contentType == wanted { return index }
            guard entities[index].isContainer, !entities[index].children.isEmpty else { continue }
            if entities[index].contentType == "multipart/related" {
                work.append(relatedRoot(entities[index]))
            } else {
                work.append(contentsOf: entities[index].children.reversed())
            }
        }
        return nil
    }

    /// RFC 2387 §3.2: the root is the part whose Content-ID equals `start`, else the first part.
    private func relatedRoot(_ entity: MIMEEntity) -> Int {
        if let start = entity.contentTypeParameters["start"].map(Self.bareID) {
            for child in entity.children {
                if let id = entities[child].headers.first("content-id"), Self.bareID(CharsetDecoder.guess(id)) == start {
                    return child
                }
            }
        }
        return entity.children[0]
    }

    private static func bareID(_ id: String) -> String {
        id.trimming(" \t<>")
    }

    /// Every leaf except the selected bodies that is an attachment by the contract's rules, in
    /// depth-first order.
    func attachmentIndices(excluding bodies: Set<Int>) -> [Int] {
        var result: [Int] = []
        for index in depthFirstOrder() where !entities[index].isContainer && !bodies.contains(index) {
            let isText = entities[index].contentType == "text/plain" || entities[index].contentType == "text/html"
            let inAlternative = entities[index].parent.map { entities[$0].contentType == "multipart/alternative" } ?? false
            if entities[index].isAttachmentDisposition || entities[index].hasFilename || (!isText && !inAlternative) {
                result.append(index)
            }
        }
        return result
    }

    /// Entity indices in document order (depth first), without recursion.
    func depthFirstOrder() -> [Int] {
        var order: [Int] = []
        order.reserveCapacity(entities.count)
        var work = entities.isEmpty ? [] : [0]
        while let index = work.popLast() {
            order.append(index)
            work.append(contentsOf: entities[index].children.reversed())
        }
        return order
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    /// Returns the string itself (no copy) when there is nothing to trim, the usual case.
    func trimming(_ set: String) -> String {
        let unwanted = set.unicodeScalars
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, unwanted.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, unwanted.contains(last) { scalars = scalars.dropLast() }
        if scalars.count == unicodeScalars.count { return self }
        return String(String.UnicodeScalarView(scalars))
    }
}
