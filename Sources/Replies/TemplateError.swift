/// A template that cannot be used: found at start-up, never as a blank in a customer's mail.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    public var template: String
    public var line: Int
    public var problem: String

    public var description: String { "template \(template), line \(line): \(problem)" }
}
