import Basics
import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into a flag a loop can poll, so long-running commands stop cleanly. The signal
/// handlers (on a Dispatch queue) share only the locked flag with the loop.
final class StopSignal {
    private let stopped: Locked<Bool>
    private let sources: [DispatchSourceSignal]

    init() {
        let stopped = Locked(false)
        self.stopped = stopped
        sources = [SIGINT, SIGTERM].map { sig in
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { stopped.withLock { $0 = true } }
            source.resume()
            return source
        }
    }

    func stop() {
        stopped.withLock { $0 = true }
    }

    var isStopped: Bool {
        stopped.current
    }
}
