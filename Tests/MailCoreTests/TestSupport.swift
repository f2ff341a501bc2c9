import Testing
import MailCore

/// A message written with "\n" line ends in the test source, sent as real mail does (CRLF).
func mail(_ text: String) -> [UInt8] {
    Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
}

/// Parses a message written as in `mail(_:)`.
func parsed(_ text: String) -> ParsedMessage {
    MessageParser.parse(mail(text))
}

/// One row of a table-driven test: the RFC section or real-world case it checks, the input and
/// the expected value. The label is what the test report shows.
struct Case<Input: Sendable, Expected: Sendable>: Sendable, CustomTestStringConvertible {
    let label: String
    let input: Input
    let expected: Expected

    init(_ label: String, _ input: Input, _ expected: Expected) {
        self.label = label
        self.input = input
        self.expected = expected
    }

    var testDescription: String { label }
}

extension ParsedMessage {
    /// Whether a defect of `kind` was reported.
    func hasDefect(_ kind: String) -> Bool {
        defects.contains { $0.kind == kind }
    }
}
