import Foundation

/// A reply template: the subject on the first line, a blank line, then the body.
///
/// Placeholder syntax (documented in Templates/README.md):
/// - `{{name}}` inserts a value;
/// - `{{#if name}}…{{else}}…{{/if}}` keeps the first branch when the value is non-empty or true;
/// - `{{#each name}}…{{/each}}` repeats for every record of a list, whose fields read as `{{.field}}`.
/// Every name must be one the template kind declares, so a typo fails at load time.
public struct Template: Sendable {
    public let name: String
    let subject: [TemplateNode]
    let body: [TemplateNode]

    /// Parses `source` and checks every placeholder against `variables` (and `fields` inside loops).
    public init(name: String, source: String, variables: [String: TemplateVariable]) throws(TemplateError) {
        self.name = name
        let normalized = source.replacingOccurrences(of: "\r\n", with: "\n")
        guard let firstBreak = normalized.firstIndex(of: "\n") else {
            throw TemplateError(template: name, line: 1, problem: "needs the subject on the first line, then a blank line, then the body")
        }
        let subjectSource = String(normalized[..<firstBreak])
        var bodySource = String(normalized[normalized.index(after: firstBreak)...])
        guard bodySource.hasPrefix("\n") else {
            throw TemplateError(template: name, line: 2, problem: "the second line must be blank (it separates subject and body)")
        }
        bodySource.removeFirst()
        var parser = TemplateParser(template: name, variables: variables)
        subject = try parser.parse(subjectSource, firstLine: 1)
        body = try parser.parse(bodySource, firstLine: 3)
    }

    /// Renders the subject and body with `values`. Rendering cannot fail: names were checked at load time,
    /// and a declared value that is missing renders as empty (the composer supplies all of them).
    public func render(_ values: [String: TemplateValue]) -> (subject: String, body: String) {
        (TemplateRenderer.render(subject, values: values), TemplateRenderer.render(body, values: values))
    }
}

/// What a template kind offers under one name: a text/flag, or a list whose records have `fields`.
public enum TemplateVariable: Sendable, Hashable {
    case value
    case list(fields: Set<String>)
}
