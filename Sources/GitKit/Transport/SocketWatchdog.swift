import Basics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The no-progress deadline for a socket another library reads and writes itself: libgit2's ssh transport
/// hands the socket of `DeadlineSocketStream` to libssh2, which waits on it without a limit. A thread looks at
/// the kernel's TCP counters four times a second; when the client's last bytes went out the limit ago and
/// nothing came back since (or they are still not acknowledged), it records the time-out as the transfer's
/// failure and shuts the socket down, so libssh2's wait ends with an error. Linux only (elsewhere it does nothing).
final class SocketWatchdog: Sendable {
    private let socket: Int32
    private let limitMilliseconds: UInt32
    private let failure: Locked<TransportFailure?>
    private let message: String
    private let stopped = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let running = Locked(false)

    /// Watches `socket` for `seconds` without progress; `failure` gets the time-out, with `message`.
    init(socket: Int32, seconds: Double, failure: Locked<TransportFailure?>, message: String) {
        self.socket = socket
        limitMilliseconds = UInt32(min(seconds * 1000, Double(UInt32.max)).rounded(.up))
        self.failure = failure
        self.message = message
    }

    /// Whether a transfer to `url` hands its socket to libssh2 (ssh:// and scp-like addresses).
    static func watches(url: String?) -> Bool {
        guard let url else { return false }
        return RemoteAddress(url).scheme.contains("ssh")
    }

    func start() {
        #if os(Linux)
            running.withLock { $0 = true }
            let thread = Thread { [self] in run() }
            thread.name = "baton socket watchdog"
            thread.start()
        #endif
    }

    /// Ends the watch and waits for the thread; call before the socket is closed. Idempotent.
    func stop() {
        let wasRunning = running.withLock { running in
            defer { running = false }
            return running
        }
        guard wasRunning else { return }
        stopped.signal()
        finished.wait()
    }

    #if os(Linux)
        private func run() {
            defer { finished.signal() }
            while stopped.wait(timeout: .now() + .milliseconds(250)) == .timedOut {
                var info = tcp_info()
                var length = socklen_t(MemoryLayout<tcp_info>.size)
                guard getsockopt(socket, Int32(IPPROTO_TCP), TCP_INFO, &info, &length) == 0 else { return }
                // Both are milliseconds ago; the client spoke last (or its bytes are still in flight).
                let sentAgo = info.tcpi_last_data_sent
                let receivedAgo = info.tcpi_last_data_recv
                let waitingForServer = sentAgo <= receivedAgo || info.tcpi_unacked > 0
                if waitingForServer && sentAgo >= limitMilliseconds {
                    failure.withLock { $0 = TransportFailure(kind: .unreachable, message: message) }
                    _ = shutdown(socket, Int32(SHUT_RDWR))
                    return
                }
            }
        }
    #endif
}
