import Foundation

/// A value computed on another thread, started at once; `value` waits for it. Used to overlap two
/// independent halves of a report (reading the current files while the history is walked).
final class InBackground<T>: @unchecked Sendable {
    private var result: T?
    private var finished = false
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` on a new thread. It must not touch what the caller's thread uses meanwhile.
    init(_ work: @escaping () -> T) {
        let job = Job(work: work)
        Thread.detachNewThread { [self] in
            result = job.work()
            done.signal()
        }
    }

    /// The result, once `work` has returned. Call from one thread.
    var value: T {
        if !finished {
            done.wait()
            finished = true
        }
        return result!
    }

    /// Carries the closure to the new thread; the caller promises it is safe to run there.
    private struct Job: @unchecked Sendable {
        let work: () -> T
    }
}
