import Dispatch

/// Runs loops on every core (`DispatchQueue.concurrentPerform`) for the work-tree scans.
enum Parallel {
    /// Calls `body(i)` for every i in `0..<count`, concurrently, and returns when all calls are done.
    /// The caller guarantees `body` may run concurrently: it only reads shared state and writes
    /// each result to its own slot.
    static func forEach(_ count: Int, _ body: (Int) -> Void) {
        guard count > 0 else { return }
        withoutActuallyEscaping(body) { body in
            let box = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: count) { box.value($0) }
        }
    }
}

/// Carries a value the caller has made safe to share across threads.
private struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
