/// The commands the intake sends (RFC 9051 §6, RFC 6851 MOVE, RFC 4315 UIDPLUS, RFC 4731
/// ESEARCH, RFC 2177 IDLE). Mailbox names are plain Unicode here; the encoder applies modified
/// UTF-7 and quoting.
public enum IMAPCommand: Sendable, Hashable {
    case capability
    case noop
    case logout
    case select(mailbox: String)
    case examine(mailbox: String)
    case create(mailbox: String)
    /// `UID SEARCH [RETURN (ALL)] UID set`; `extended` asks for an ESEARCH answer.
    case uidSearch(SequenceSet, extended: Bool)
    case uidFetch(SequenceSet, items: [FetchItem])
    case uidStore(SequenceSet, StoreMode, silent: Bool, flags: [String])
    case uidCopy(SequenceSet, mailbox: String)
    case uidMove(SequenceSet, mailbox: String)
    case uidExpunge(SequenceSet)
    /// Ended by sending `IMAPCommandEncoder.idleDone`, not by a tagged command.
    case idle

    public enum FetchItem: String, Sendable, Hashable {
        case uid = "UID"
        case rfc822Size = "RFC822.SIZE"
        case flags = "FLAGS"
        /// `BODY.PEEK[]`: the whole message without setting \Seen (RFC 9051 §6.4.5).
        case bodyPeek = "BODY.PEEK[]"
    }

    public enum StoreMode: String, Sendable, Hashable {
        case add = "+FLAGS", remove = "-FLAGS", replace = "FLAGS"
    }
}
