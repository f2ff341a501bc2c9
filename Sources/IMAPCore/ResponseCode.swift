/// Bracketed response codes (RFC 9051 §7.1, RFC 4315 UIDPLUS, RFC 5530) the client acts on;
/// everything else keeps its name and raw argument text.
public enum ResponseCode: Sendable, Hashable {
    case uidValidity(UInt32)
    case uidNext(UInt32)
    case capability([String])
    case permanentFlags([String])
    case readWrite
    case readOnly
    case tryCreate
    case alreadyExists
    case nonExistent
    /// `[COPYUID uidvalidity source-uids destination-uids]` after COPY/MOVE.
    case copyUID(uidValidity: UInt32, source: SequenceSet, destination: SequenceSet)
    case other(name: String, argument: String)

    public var name: String {
        switch self {
        case .uidValidity: "UIDVALIDITY"
        case .uidNext: "UIDNEXT"
        case .capability: "CAPABILITY"
        case .permanentFlags: "PERMANENTFLAGS"
        case .readWrite: "READ-WRITE"
        case .readOnly: "READ-ONLY"
        case .tryCreate: "TRYCREATE"
        case .alreadyExists: "ALREADYEXISTS"
        case .nonExistent: "NONEXISTENT"
        case .copyUID: "COPYUID"
        case .other(let name, _): name
        }
    }
}
