/// Why a rules or FAQ file could not be loaded: what is wrong and in which rule or article.
public struct RuleSetError: Error, Sendable, CustomStringConvertible {
    /// The rule id (or "rule #N" when it has none), article id, or the file's top level.
    public var location: String
    public var problem: String

    public init(location: String, problem: String) {
        self.location = location
        self.problem = problem
    }

    public var description: String { "\(location): \(problem)" }
}
