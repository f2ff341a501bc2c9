/// A libcurl call that failed: which operation, curl's code and words, and on which URL
/// (credentials are never part of the URL we keep).
public struct CurlError: Error, Sendable, Hashable, CustomStringConvertible {
    public var operation: String
    public var code: Int
    public var message: String
    public var url: String

    public init(operation: String, code: Int, message: String, url: String) {
        self.operation = operation
        self.code = code
        self.message = message
        self.url = url
    }

    public var description: String {
        "\(operation) on \(url) failed: curl error \(code): \(message)"
    }
}
