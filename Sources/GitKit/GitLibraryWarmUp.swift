import Basics
import Dispatch
import Foundation

/// libgit2's initialization parses the system's CA certificates (mbedTLS, several milliseconds of CPU
/// on every run). `GitLibrary.initializeInBackground()` starts it on another thread as the process
/// starts, so it overlaps with argument parsing; `GitLibrary.initialize()` waits for it.
final class GitLibraryWarmUp: Sendable {
    static let shared = GitLibraryWarmUp()

    private let done = DispatchGroup()
    private let started = Locked(false)

    /// Starts `work` once, on a background thread.
    func start(_ work: @escaping @Sendable () -> Void) {
        started.withLock { started in
            guard !started else { return }
            started = true
            done.enter()
            let group = done
            DispatchQueue.global(qos: .userInitiated).async {
                work()
                group.leave()
            }
        }
    }

    /// Waits for the background work, if it was started.
    func wait() {
        if started.current { done.wait() }
    }
}

extension GitLibrary {
    /// Starts `initialize()`'s work on a background thread; a later `initialize()` waits for it.
    /// Call it first thing in a process that will use libgit2.
    public static func initializeInBackground() {
        GitLibraryWarmUp.shared.start { setUp() }
    }

    /// Waits until the work `initializeInBackground()` started has finished (nothing when it was not
    /// started). Call it before the process exits: exit handlers must not run while libgit2 starts up.
    public static func finishBackgroundStart() {
        GitLibraryWarmUp.shared.wait()
    }
}
