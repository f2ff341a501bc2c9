import Foundation

/// Python's `email` package (compat32) over the same files: parse, then
/// `get_payload(decode=True)` on every leaf part, the peer figure the issue asks for.
struct PythonPeer {
    /// Run as `python3 -c SCRIPT [--iterations N | --process] FILE...`. With `--iterations` it reads
    /// the files first and prints the best seconds per pass; with `--process` it reads and parses
    /// once, like `parse --stats`, and prints totals.
    static let script = """
        import email, sys, time
        args = sys.argv[1:]
        iterations = 1
        if args[0] == "--iterations":
            iterations, args = int(args[1]), args[2:]
        elif args[0] == "--process":
            args = args[1:]
        def one_pass(blobs):
            decoded = 0
            for blob in blobs:
                msg = email.message_from_bytes(blob)
                for part in msg.walk():
                    if not part.is_multipart():
                        payload = part.get_payload(decode=True)
                        decoded += len(payload or b"")
            return decoded
        if iterations == 1 and sys.argv[1] == "--process":
            blobs = [open(p, "rb").read() for p in args]
            print("messages=%d decoded_bytes=%d" % (len(blobs), one_pass(blobs)))
        else:
            blobs = [open(p, "rb").read() for p in args]
            one_pass(blobs)
            best = float("inf")
            for _ in range(iterations):
                start = time.perf_counter()
                one_pass(blobs)
                best = min(best, time.perf_counter() - start)
            print(best)
        """

    let python: String

    /// Best seconds per in-process pass, or nil (with a note) when Python is not there.
    func secondsPerPass(paths: [String], iterations: Int) throws -> Double? {
        let result: ProcessTiming.Result
        do {
            result = try ProcessTiming.run(python, ["-c", Self.script, "--iterations", String(iterations)] + paths)
        } catch {
            print("Python peer: skipped, cannot run \(python): \(error)")
            return nil
        }
        let text = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.status == 0, let seconds = Double(text) else {
            throw BenchmarkError.pythonFailed("exit \(result.status), output \(text.prefix(200))")
        }
        return seconds
    }
}
