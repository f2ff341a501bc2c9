/// Why a test server could not be started or used. A missing server program is a failure with
/// the fix in the message, never a skipped test.
struct TestServerError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }

    static func missing(_ program: String) -> TestServerError {
        TestServerError("\(program) not found: run scripts/install-deps --test (installs dovecot-imapd, dovecot-lmtpd, isync, openssl)")
    }
}
