import Dispatch

/// Runs loops on every core (`DispatchQueue.concurrentPerform`): the work-tree scans here, and the
/// journal's bulk file parsing above.
public enum Parallel {
    /// Calls `body(i)` for every i in `0..<count`, concurrently, and returns when all calls are done.
    /// The caller guarantees `body` may run concurrently: it only reads shared state and writes
    /// each result to its own slot.
    public static func forEach(_ count: Int, _ body: (Int) -> Void) {
        guard count > 0 else { return }
        withoutActuallyEscaping(body) { body in
            // Not checked by the compiler: that `body` may run on several threads at once is this function's
            // stated precondition, and it runs only until `concurrentPerform` returns, inside this call.
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: count) { body($0) }
        }
    }
}

extension Parallel {
    /// `items.map(transform)`, computed on every core in a few chunks, in the original order.
    /// `transform` must be safe to call concurrently.
    public static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        var results = [R?](repeating: nil, count: items.count)
        let count = items.count
        let chunks = min(64, max(1, count / 64))
        results.withUnsafeMutableBufferPointer { buffer in
            let out = buffer
            forEach(chunks) { chunk in
                for i in (chunk * count / chunks)..<((chunk + 1) * count / chunks) { out[i] = transform(items[i]) }
            }
        }
        return results.map { $0! }
    }
}
