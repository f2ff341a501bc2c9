// A fuzz entry point over the mail parser.
//
// Built two ways from this one file:
// * for libFuzzer (scripts/fuzz-parser): `-sanitize=fuzzer -parse-as-library -D LIBFUZZER`.
//   libFuzzer supplies `main`; this file only exports `LLVMFuzzerTestOneInput`.
// * plainly (`swift build`): a seeded mutation loop, so that the target always compiles and can be
//   run without the fuzzing runtime: `parse-fuzz [SECONDS] SEED_DIR...`.
import MailCore

#if LIBFUZZER

/// Called by libFuzzer once per generated input. The parser must return for every input: a trap,
/// a hang or runaway memory is the finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTarget.exercise(bytes)
    return 0
}

/// libFuzzer's driver, exported by the fuzzing runtime (`FuzzerInterface.h`).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links every executable with `main` aliased to `<module>_main`, so the entry point of
/// this library-mode build must carry that name; it hands control to libFuzzer's driver.
@_cdecl("parse_fuzz_main")
public func fuzzMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    var count = argc
    var vector = argv
    return runFuzzerDriver(&count, &vector, fuzzOneInput)
}

#else

// Inactive `#if` branches are still parsed, and `-parse-as-library` rejects top-level
// expressions, so the plain build's entry is a global whose initialiser runs the loop.
let completedInputs = MutationLoop.runFromCommandLine(Array(CommandLine.arguments.dropFirst()))

#endif
