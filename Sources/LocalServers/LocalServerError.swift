/// Why a local server (for the tests and the benchmarks) could not be started or used. A missing
/// server program is a failure with the fix in the message, never a skipped test.
public struct LocalServerError: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }

    static func missing(_ program: String) -> LocalServerError {
        LocalServerError("\(program) not found: run scripts/install-deps --test (installs dovecot-imapd, dovecot-lmtpd, isync, openssl)")
    }
}
