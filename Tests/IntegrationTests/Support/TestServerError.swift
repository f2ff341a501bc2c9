/// Why a test server could not be used (a missing program is `LocalServerError`, with the fix in
/// its message: a failure, never a skipped test).
struct TestServerError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
