/// Splits a message into its MIME entities (RFC 2045, RFC 2046 §5), iteratively with an explicit
/// work list, so nesting depth costs no stack. Empty parts (two delimiter lines in a row) are
/// skipped, as Python's email does. `message/*` bodies are not descended into: a
/// forwarded message is one attachment, not part of this message's structure.
struct MIMETreeParser {
    let bytes: [UInt8]

    func entities(topHeaders: HeaderFields, body: Range<Int>, defects: inout [ParseDefect]) -> [MIMEEntity] {
        var entities = [entity(headers: topHeaders, body: body, depth: 0, parent: nil, defaultType: "text/plain",
                               defects: &defects)]
        var work = [0]
        var reportedPartLimit = false
        while let index = work.popLast() {
            guard entities[index].isMultipart else { continue }
            guard entities[index].depth < ParseLimits.maxNestingDepth else {
                defects.append(ParseDefect(kind: DefectKind.nestingTooDeep,
                                           detail: "multipart nested deeper than \(ParseLimits.maxNestingDepth); read as one part"))
                entities[index].contentType = "application/octet-stream"
                continue
            }
            guard let ranges = partRanges(of: &entities[index], defects: &defects) else { continue }
            entities[index].isContainer = true
            let childDefault = entities[index].contentType == "multipart/digest" ? "message/rfc822" : "text/plain"
            for range in ranges where !range.isEmpty {
                guard entities.count < ParseLimits.maxParts else {
                    if !reportedPartLimit {
                        reportedPartLimit = true
                        defects.append(ParseDefect(kind: DefectKind.tooManyParts,
                                                   detail: "more than \(ParseLimits.maxParts) MIME parts; rest ignored"))
                    }
                    break
                }
                let header = HeaderBlockParser(bytes: bytes, range: range).parse()
                defects += header.defects
                let child = entity(headers: header.fields, body: header.bodyStart..<max(header.bodyStart, range.upperBound),
                                   depth: entities[index].depth + 1, parent: index, defaultType: childDefault,
                                   defects: &defects)
                entities[index].children.append(entities.count)
                work.append(entities.count)
                entities.append(child)
            }
        }
        return entities
    }

    /// The body ranges of a multipart's children, recovering from a missing or wrong boundary
    /// parameter. Returns nil when no part can be found: then the entity stays a leaf, read as
    /// text/plain if it has any content (best effort) and kept as an empty multipart otherwise
    /// (as Python's email does, e.g. for a nested multipart that reuses its parent's boundary).
    private func partRanges(of entity: inout MIMEEntity, defects: inout [ParseDefect]) -> [Range<Int>]? {
        let scanner = BoundaryScanner(bytes: bytes)
        let declared = entity.contentTypeParameters["boundary"].map { Array($0.utf8) } ?? []
        if declared.isEmpty {
            defects.append(ParseDefect(kind: DefectKind.noBoundary, detail: "\(entity.contentType) without a boundary parameter"))
        } else if let split = scanner.split(entity.body, boundary: declared) {
            if !split.foundClose {
                defects.append(ParseDefect(kind: DefectKind.missingCloseBoundary,
                                           detail: "no close delimiter for boundary '\(String(decoding: declared, as: UTF8.self))'"))
            }
            return split.parts
        }
        if let guessed = scanner.guessBoundary(in: entity.body), let split = scanner.split(entity.body, boundary: guessed) {
            defects.append(ParseDefect(kind: DefectKind.mismatchedBoundary,
                                       detail: "used boundary '\(String(decoding: guessed, as: UTF8.self))' found in the body"))
            return split.parts
        }
        if !declared.isEmpty {
            defects.append(ParseDefect(kind: DefectKind.boundaryNotFound,
                                       detail: "boundary '\(String(decoding: declared, as: UTF8.self))' not in the body; read as text"))
        }
        if !ASCII.trimmed(bytes[entity.body]).isEmpty { entity.contentType = "text/plain" }
        return nil
    }

    /// Whether a Content-Type value is `type/subtype`: one "/", with something on both sides.
    /// Compared on bytes when ASCII (always, in real mail), else as Characters.
    private static func isTypeAndSubtype(_ value: String) -> Bool {
        let utf8 = value.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return value.split(separator: "/", omittingEmptySubsequences: false).count == 2
                && !value.hasPrefix("/") && !value.hasSuffix("/")
        }
        let slash = UInt8(ascii: "/")
        return utf8.count(where: { $0 == slash }) == 1 && utf8.first != slash && utf8.last != slash
    }

    /// An entity from its header fields: Content-Type with defaults, disposition, encoding.
    func entity(headers: HeaderFields, body: Range<Int>, depth: Int, parent: Int?, defaultType: String,
                defects: inout [ParseDefect]) -> MIMEEntity {
        var contentType = defaultType
        var typeParameters: [String: String] = [:]
        if let raw = headers.first("content-type") {
            let parsed = HeaderParameters(parsing: raw, defects: &defects)
            typeParameters = parsed.parameters
            if Self.isTypeAndSubtype(parsed.value) {
                contentType = parsed.value
            } else {
                // Python's email reads an invalid Content-Type as text/plain, even in a digest.
                contentType = "text/plain"
                defects.append(ParseDefect(kind: DefectKind.invalidContentType,
                                           detail: "'\(String(decoding: raw, as: UTF8.self))' read as text/plain"))
            }
        }
        var disposition: String?
        var dispositionParameters: [String: String] = [:]
        if let raw = headers.first("content-disposition") {
            let parsed = HeaderParameters(parsing: raw, defects: &defects)
            disposition = parsed.value
            dispositionParameters = parsed.parameters
        }
        let encoding = headers.first("content-transfer-encoding").map { ASCII.lowercasedString(ASCII.trimmed($0)) } ?? "7bit"
        return MIMEEntity(headers: headers, contentType: contentType, contentTypeParameters: typeParameters,
                          disposition: disposition, dispositionParameters: dispositionParameters,
                          transferEncoding: encoding, body: body, depth: depth, parent: parent)
    }
}
