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
        let count = items.count
        let chunks = min(64, max(1, count / 64))
        // Each result is built in its own slot of the array returned: no second array of optionals to
        // copy from (on 100,000 task files each array is 26 MB).
        return [R](unsafeUninitializedCapacity: count) { buffer, initialized in
            let out = buffer
            forEach(chunks) { chunk in
                for i in (chunk * count / chunks)..<((chunk + 1) * count / chunks) {
                    (out.baseAddress! + i).initialize(to: transform(items[i]))
                }
            }
            initialized = count
        }
    }

    /// Computes `transform` of every item on up to 16 threads, a few thousand items at a time, and hands
    /// the results to `consume` one by one in the original order, each batch freed once consumed: for
    /// results that are kept only in part or in another form, so that they never all sit in memory
    /// beside what `consume` builds (100,000 parsed task files are 26 MB). `transform` must be safe to
    /// call concurrently; `consume` runs on this thread.
    public static func forEachResult<T, R>(_ items: [T], _ transform: (T) -> R, consume: (R) -> Void) {
        let count = items.count
        let chunkSize = max(16, min(256, count / 64))
        let wave = 16
        var parts = [[R]](repeating: [], count: wave)
        var start = 0
        while start < count {
            let chunks = min(wave, (count - start + chunkSize - 1) / chunkSize)
            let base = start
            parts.withUnsafeMutableBufferPointer { buffer in
                let out = buffer
                forEach(chunks) { chunk in
                    let low = base + chunk * chunkSize
                    out[chunk] = items[low..<min(count, low + chunkSize)].map(transform)
                }
            }
            for chunk in 0..<chunks {
                for result in parts[chunk] { consume(result) }
                parts[chunk] = []
            }
            start = min(count, base + chunks * chunkSize)
        }
    }
}
