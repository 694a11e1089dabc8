import Basics
import Foundation

/// A value computed on another thread, started at once; `value` waits for it. Used to overlap two
/// independent halves of a report (reading the current files while the history is walked).
/// `work` is `@Sendable`: it gets its own copies of what it reads (open a journal inside it, say), never
/// an object the caller's thread goes on using.
final class InBackground<T: Sendable>: Sendable {
    private let result = Locked<T?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` on a new thread.
    init(_ work: @escaping @Sendable () -> T) {
        let result = result
        let done = done
        Thread.detachNewThread {
            let value = work()
            result.withLock { $0 = value }
            done.signal()
        }
    }

    /// The result, once `work` has returned.
    var value: T {
        if let value = result.current { return value }
        done.wait()
        // Signalled again for the next caller.
        done.signal()
        return result.current!
    }
}
