import IMAPCore
import Testing

/// RFC 9051 §4.3: literals are framed by length only. A body that looks like responses must
/// come out as bytes, whatever way the stream is cut into reads.
@Suite struct LiteralFramingTests {
    static let trickyBody = Array((
        "From: a@example.com\r\nSubject: tricky\r\n\r\n" +
        "A004 OK fake completion\r\n" +
        "* 1 FETCH (FLAGS (\\Seen))\r\n" +
        "* OK fake untagged\r\n" +
        "+ fake continuation\r\n" +
        "{5}\r\nabcde\r\n" +
        "last line without newline"
    ).utf8)

    static let stream: [UInt8] = Array("* 1 FETCH (UID 7 RFC822.SIZE \(trickyBody.count) BODY[] {\(trickyBody.count)}\r\n".utf8)
        + trickyBody + Array(")\r\nA004 OK Fetch completed.\r\n".utf8)

    static let expected: [IMAPResponse] = [
        .untagged(.fetch(FetchResponse(sequenceNumber: 1, uid: 7, rfc822Size: trickyBody.count,
                                       body: IMAPLiteral(bytes: trickyBody, size: trickyBody.count)))),
        .tagged(TaggedResponse(tag: "A004", condition: .ok, text: ResponseText(text: "Fetch completed."))),
    ]

    @Test("split into two reads at every byte position", arguments: 0...stream.count)
    func splitOnce(at position: Int) throws {
        let chunks = [Array(Self.stream[..<position]), Array(Self.stream[position...])]
        #expect(try parseAll(chunks) == Self.expected)
    }

    @Test func byteByByte() throws {
        #expect(try parseAll(Self.stream.map { [$0] }) == Self.expected)
    }

    @Test("nothing comes out before the literal and its line are complete")
    func partialResponseIsHeldBack() throws {
        var parser = IMAPResponseParser()
        parser.append(Self.stream.dropLast(3))
        #expect(try parser.next() != nil)
        #expect(try parser.next() == nil)
        #expect(parser.hasPartialResponse)
        parser.append(Self.stream.suffix(3))
        #expect(try parser.next() == Self.expected[1])
        #expect(!parser.hasPartialResponse)
    }

    @Test func emptyLiteral() throws {
        let fetch = onlyFetch(try parseAll("* 2 FETCH (UID 9 BODY[] {0}\r\n)\r\n"))
        #expect(fetch?.body == IMAPLiteral(bytes: [], size: 0))
    }

    @Test("a body bigger than the retention limit keeps its head and its announced size")
    func retentionLimit() throws {
        let body = Array(repeating: UInt8(ascii: "x"), count: 1000)
        let stream = Array("* 1 FETCH (UID 1 BODY[] {1000}\r\n".utf8) + body + Array(" FLAGS (\\Seen))\r\n".utf8)
        let responses = try parseAll([stream], parser: IMAPResponseParser(literalRetentionLimit: 10))
        let fetch = try #require(onlyFetch(responses))
        #expect(fetch.body?.bytes == Array(repeating: UInt8(ascii: "x"), count: 10))
        #expect(fetch.body?.size == 1000)
        #expect(fetch.body?.isTruncated == true)
        #expect(fetch.flags == ["\\Seen"])
    }

    @Test("several FETCH responses in one read, each literal kept apart")
    func pipelinedFetches() throws {
        let stream = "* 1 FETCH (UID 1 BODY[] {3}\r\none)\r\n* 2 FETCH (BODY[] {3}\r\ntwo UID 2)\r\n"
            + "* 3 FETCH (UID 3 BODY[] NIL)\r\nS1 OK done\r\n"
        let responses = try parseAll(stream)
        let bodies = responses.compactMap { response -> [UInt8]? in
            guard case .untagged(.fetch(let fetch)) = response else { return nil }
            return fetch.body?.bytes
        }
        #expect(bodies == [Array("one".utf8), Array("two".utf8)])
        #expect(responses.count == 4)
    }

    @Test("non-synchronising and literal8 announcements", arguments: ["{4+}", "~{4}"])
    func literalVariants(announcement: String) throws {
        let fetch = onlyFetch(try parseAll("* 1 FETCH (UID 1 BODY[] \(announcement)\r\nabcd)\r\n"))
        #expect(fetch?.body?.bytes == Array("abcd".utf8))
    }
}

/// Long streams cross the framer's buffer compaction many times; odd read sizes put the cut
/// inside CRLFs, announcements and literals at ever different places.
@Suite struct LongStreamTests {
    static func body(_ number: Int) -> [UInt8] {
        Array("Subject: \(number)\r\n\r\n".utf8) + Array(repeating: UInt8(ascii: "a") &+ UInt8(number % 26), count: 100 + number % 700)
    }

    @Test(arguments: [1, 777, 4096, 65_537])
    func manyFetchesInChunks(chunkSize: Int) throws {
        let count = 600
        var stream: [UInt8] = []
        for number in 1...count {
            let body = Self.body(number)
            stream += Array("* \(number) FETCH (UID \(number) RFC822.SIZE \(body.count) BODY[] {\(body.count)}\r\n".utf8) + body
            stream += Array(")\r\n".utf8)
        }
        stream += Array("S1 OK done\r\n".utf8)
        let chunks = stride(from: 0, to: stream.count, by: chunkSize).map { Array(stream[$0..<min($0 + chunkSize, stream.count)]) }
        let responses = try parseAll(chunks)
        #expect(responses.count == count + 1)
        var mismatches = 0
        for (index, response) in responses.prefix(count).enumerated() {
            guard case .untagged(.fetch(let fetch)) = response, fetch.uid == UInt32(index + 1),
                  fetch.body?.bytes == Self.body(index + 1) else {
                mismatches += 1
                continue
            }
        }
        #expect(mismatches == 0)
    }
}
