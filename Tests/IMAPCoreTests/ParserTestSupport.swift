import IMAPCore

/// Feeds `chunks` one after another and collects every response the parser completes.
func parseAll(_ chunks: [[UInt8]], parser: IMAPResponseParser = IMAPResponseParser()) throws -> [IMAPResponse] {
    var parser = parser
    var responses: [IMAPResponse] = []
    for chunk in chunks {
        parser.append(chunk)
        while let response = try parser.next() { responses.append(response) }
    }
    return responses
}

func parseAll(_ text: String) throws -> [IMAPResponse] {
    try parseAll([Array(text.utf8)])
}

/// The one FETCH response in `responses`, or nil.
func onlyFetch(_ responses: [IMAPResponse]) -> FetchResponse? {
    guard responses.count == 1, case .untagged(.fetch(let fetch)) = responses[0] else { return nil }
    return fetch
}
