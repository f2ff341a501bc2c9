@testable import IMAPCore
import Testing

/// Broken or hostile input is an error value, never a trap, and every limit names itself.
@Suite struct MalformedResponseTests {
    @Test func lineTooLongWithoutNewline() throws {
        var parser = IMAPResponseParser(limits: IMAPLimits(maxLineLength: 100))
        parser.append(Array(repeating: UInt8(ascii: "a"), count: 101))
        #expect(throws: IMAPParseError(.lineTooLong(limit: 100), excerpt: String(repeating: "a", count: 101))) {
            try parser.next()
        }
    }

    @Test func lineTooLongWithNewline() throws {
        var parser = IMAPResponseParser(limits: IMAPLimits(maxLineLength: 10))
        parser.append(Array("* SEARCH 1 2 3 4 5\r\n".utf8))
        #expect { try parser.next() } throws: { error in
            (error as? IMAPParseError)?.kind == .lineTooLong(limit: 10)
        }
    }

    @Test func literalLargerThanLimit() throws {
        var parser = IMAPResponseParser(limits: IMAPLimits(maxLiteralSize: 1000))
        parser.append(Array("* 1 FETCH (BODY[] {1001}\r\n".utf8))
        #expect { try parser.next() } throws: { error in
            (error as? IMAPParseError)?.kind == .literalTooLarge(size: 1001, limit: 1000)
        }
    }

    @Test func searchExpansionLimit() throws {
        var parser = IMAPResponseParser(limits: IMAPLimits(maxSearchResults: 100))
        parser.append(Array("* ESEARCH (TAG \"S1\") UID ALL 1:4294967295\r\n".utf8))
        #expect { try parser.next() } throws: { error in
            (error as? IMAPParseError)?.kind == .tooManySearchResults(limit: 100)
        }
    }

    @Test func nestingLimit() throws {
        var parser = IMAPResponseParser(limits: IMAPLimits(maxNestingDepth: 5))
        parser.append(Array("* 1 FETCH (X ((((((((1)))))))))\r\n".utf8))
        #expect { try parser.next() } throws: { error in
            (error as? IMAPParseError)?.kind == .nestingTooDeep(limit: 5)
        }
    }

    @Test("known responses with broken syntax throw", arguments: [
        "* 1 FETCH UID 5\r\n",
        "* 1 FETCH (UID five)\r\n",
        "* 1 FETCH (UID 5\r\n",
        "* 1 FETCH (BODY[] {3}\r\nabc\r\n",
        "* FLAGS \\Seen\r\n",
        "S1 MAYBE done\r\n",
        "* SEARCH 1 x\r\n",
        "* 1 FETCH (UID 99999999999)\r\n",
    ])
    func syntaxErrors(wire: String) {
        #expect(throws: IMAPParseError.self) { try parseAll(wire) }
    }

    @Test("unknown response names pass as .other", arguments: ["* XYZZY 1 2 3\r\n", "* 7 XYZZY\r\n"])
    func unknownResponses(wire: String) throws {
        let responses = try parseAll(wire)
        guard case .untagged(.other)? = responses.first else {
            Issue.record("expected .other, got \(responses)")
            return
        }
    }

    @Test func errorDescriptionIsOneLine() {
        let error = IMAPParseError(.syntax(expected: "a number"), excerpt: IMAPParseError.excerpt(of: Array("* 1\r\nX".utf8)))
        #expect(!error.description.contains("\n"))
        #expect(error.description.contains("expected a number"))
    }
}
