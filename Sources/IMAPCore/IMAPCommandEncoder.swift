/// Turns an `IMAPCommand` and its tag into one line of wire bytes. Mailbox names go through
/// modified UTF-7 first, which leaves only printable ASCII, so an atom or a quoted string always
/// suffices and no command ever needs a literal (and a continuation round trip).
public enum IMAPCommandEncoder {
    /// Sent to end IDLE (RFC 2177 §3).
    public static let idleDone = Array("DONE\r\n".utf8)

    public enum EncodingError: Error, Sendable, Hashable, CustomStringConvertible {
        case invalidTag(String)
        case invalidFlag(String)
        case emptySet

        public var description: String {
            switch self {
            case .invalidTag(let tag): "IMAP tag \"\(tag)\" is not an atom"
            case .invalidFlag(let flag): "IMAP flag \"\(flag)\" is not an atom"
            case .emptySet: "IMAP command with an empty UID set"
            }
        }
    }

    public static func encode(_ command: IMAPCommand, tag: String) throws -> [UInt8] {
        guard !tag.isEmpty, tag.utf8.allSatisfy({ FrameCursor.isAtomChar($0, allowBracket: false) && $0 != UInt8(ascii: "+") }) else {
            throw EncodingError.invalidTag(tag)
        }
        var line = Array("\(tag) ".utf8)
        func text(_ string: String) { line.append(contentsOf: string.utf8) }
        func mailbox(_ name: String) { appendAString(ModifiedUTF7.encode(name), to: &line) }
        func set(_ set: SequenceSet) throws {
            guard !set.isEmpty else { throw EncodingError.emptySet }
            text(set.description)
        }
        switch command {
        case .capability: text("CAPABILITY")
        case .noop: text("NOOP")
        case .logout: text("LOGOUT")
        case .idle: text("IDLE")
        case .select(let name): text("SELECT "); mailbox(name)
        case .examine(let name): text("EXAMINE "); mailbox(name)
        case .create(let name): text("CREATE "); mailbox(name)
        case .uidSearch(let uids, let extended):
            text(extended ? "UID SEARCH RETURN (ALL) UID " : "UID SEARCH UID ")
            try set(uids)
        case .uidFetch(let uids, let items):
            text("UID FETCH ")
            try set(uids)
            text(" (" + items.map(\.rawValue).joined(separator: " ") + ")")
        case .uidStore(let uids, let mode, let silent, let flags):
            for flag in flags where !isFlag(flag) { throw EncodingError.invalidFlag(flag) }
            text("UID STORE ")
            try set(uids)
            text(" \(mode.rawValue)\(silent ? ".SILENT" : "") (" + flags.joined(separator: " ") + ")")
        case .uidCopy(let uids, let name): text("UID COPY "); try set(uids); text(" "); mailbox(name)
        case .uidMove(let uids, let name): text("UID MOVE "); try set(uids); text(" "); mailbox(name)
        case .uidExpunge(let uids): text("UID EXPUNGE "); try set(uids)
        }
        line.append(contentsOf: [0x0D, 0x0A])
        return line
    }

    /// `flag`: `\Atom` or a keyword atom.
    static func isFlag(_ flag: String) -> Bool {
        let body = flag.hasPrefix("\\") ? flag.utf8.dropFirst() : flag.utf8[...]
        return !body.isEmpty && body.allSatisfy { FrameCursor.isAtomChar($0, allowBracket: false) }
    }

    /// Appends a printable-ASCII `astring` as an atom when it can be one, else quoted.
    static func appendAString(_ string: String, to output: inout [UInt8]) {
        let bytes = Array(string.utf8)
        if !bytes.isEmpty, bytes.allSatisfy({ FrameCursor.isAtomChar($0, allowBracket: true) }) {
            output.append(contentsOf: bytes)
            return
        }
        output.append(UInt8(ascii: "\""))
        for byte in bytes {
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { output.append(UInt8(ascii: "\\")) }
            output.append(byte)
        }
        output.append(UInt8(ascii: "\""))
    }
}
