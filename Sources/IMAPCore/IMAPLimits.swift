/// Bounds the response parser enforces so that a hostile or broken server cannot make the client
/// allocate without limit. Every limit breach is an `IMAPParseError` naming the limit.
public struct IMAPLimits: Sendable, Hashable {
    /// Longest line outside literals. Long `* SEARCH` answers are the biggest legitimate lines:
    /// 100,000 UIDs take about 700 KB.
    public static let defaultMaxLineLength = 1 << 20
    /// Largest literal the server may announce. Bigger messages are refused outright.
    public static let defaultMaxLiteralSize = 1 << 30
    /// How many literals one response may carry (a FETCH of many body sections).
    public static let defaultMaxLiteralsPerResponse = 64
    /// Deepest nesting of parenthesised lists (BODYSTRUCTURE goes deep, nothing else does).
    public static let defaultMaxNestingDepth = 32
    /// Most UIDs a `* SEARCH` or `* ESEARCH` answer may expand to.
    public static let defaultMaxSearchResults = 5_000_000

    public var maxLineLength: Int
    public var maxLiteralSize: Int
    public var maxLiteralsPerResponse: Int
    public var maxNestingDepth: Int
    public var maxSearchResults: Int

    public init(maxLineLength: Int = defaultMaxLineLength,
                maxLiteralSize: Int = defaultMaxLiteralSize,
                maxLiteralsPerResponse: Int = defaultMaxLiteralsPerResponse,
                maxNestingDepth: Int = defaultMaxNestingDepth,
                maxSearchResults: Int = defaultMaxSearchResults) {
        self.maxLineLength = maxLineLength
        self.maxLiteralSize = maxLiteralSize
        self.maxLiteralsPerResponse = maxLiteralsPerResponse
        self.maxNestingDepth = maxNestingDepth
        self.maxSearchResults = maxSearchResults
    }
}
