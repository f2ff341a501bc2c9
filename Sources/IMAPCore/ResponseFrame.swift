/// One complete response as it came off the wire: its lines joined (CRLFs removed, each `{n}`
/// marker left in place) and the literals those markers announced, in order.
struct ResponseFrame: Sendable, Hashable {
    var text: [UInt8] = []
    var literals: [IMAPLiteral] = []
}
