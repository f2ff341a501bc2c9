import Dispatch

/// A value computed on another thread from the moment this is created; `value()` waits for it and
/// returns it, or throws what computing it threw (every time it is asked).
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    /// Written once, by the background work, before `done` is left; read only after waiting for
    /// `done`, which orders the write before the reads. That is why this is `@unchecked`.
    private var result: Result<Value, any Error>?
    private let done = DispatchGroup()

    init(_ compute: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async(group: done) { [self] in
            result = Result(catching: compute)
        }
    }

    func value() throws -> Value {
        done.wait()
        // `done` is left only after `result` is set (see `result`).
        return try result!.get()
    }
}
