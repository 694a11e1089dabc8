import CGit2
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// libgit2's plain TCP socket stream, rewritten with a deadline: connecting, and every read and write, waits at
/// most `TransferContext.stallTimeout` seconds for the other side (0 = no limit). libgit2 1.5 has no server
/// time-out and hangs forever on a server that accepts a connection and never answers.
///
/// Registered as `GIT_STREAM_STANDARD`, it is what `git_socket_stream_new` returns, so it carries git://,
/// http://, the TLS of https:// (libgit2's mbedTLS stream reads and writes through it), HTTP proxies and their
/// CONNECT tunnels, and the connection libssh2 runs on (libssh2 waits on the socket itself: a `SocketWatchdog`
/// keeps the deadline there). Messages and error classes match libgit2's own stream
/// (`GIT_ERROR_NET` for a name that does not resolve, `GIT_ERROR_OS` for a refused connection); only a time-out
/// is new: it records a `TransportFailure` of kind `.unreachable` naming host, port and the seconds waited.
enum DeadlineSocketStream {
    /// Makes this stream libgit2's plain socket stream. Called after every `git_libgit2_init`
    /// (libgit2's shutdown forgets registrations).
    static func register() {
        // libgit2's ssh transport reads `s` of its git_socket_stream from this stream's memory.
        precondition(
            MemoryLayout<Layout>.offset(of: \Layout.socket) == MemoryLayout<git_stream>.stride + 16,
            "DeadlineSocketStream.Layout does not match libgit2's git_socket_stream")
        var registration = git_stream_registration()
        registration.version = 1  // GIT_STREAM_VERSION
        registration.`init` = { out, host, port in DeadlineSocketStream.create(out, host, port) }
        registration.wrap = nil
        _ = git_stream_register(GIT_STREAM_STANDARD, &registration)
    }

    /// The stream's memory: libgit2's `git_socket_stream` (`parent`, `host`, `port`, `s`) in that order,
    /// because libgit2's ssh transport reads the socket from there, then this stream's own fields.
    private struct Layout {
        var parent: git_stream
        var host: UnsafeMutablePointer<CChar>?
        var port: UnsafeMutablePointer<CChar>?
        var socket: Int32
        var stallTimeout: Double
        /// For a socket libssh2 will wait on itself, the thread that enforces the deadline.
        var watchdog: Unmanaged<SocketWatchdog>?
    }

    private static func layout(_ stream: UnsafeMutablePointer<git_stream>?) -> UnsafeMutablePointer<Layout> {
        UnsafeMutableRawPointer(stream!).assumingMemoryBound(to: Layout.self)
    }

    private static func create(
        _ out: UnsafeMutablePointer<UnsafeMutablePointer<git_stream>?>?,
        _ host: UnsafePointer<CChar>?, _ port: UnsafePointer<CChar>?
    ) -> Int32 {
        guard let out, let host, let port else {
            _ = git_error_set_str(Int32(GIT_ERROR_INVALID.rawValue), "a socket stream needs a host and a port")
            return -1
        }
        let timeout =
            TransferContext.current?.stallTimeout
            ?? TransferContext.stallTimeout(environment: ProcessInfo.processInfo.environment, config: nil)
        let memory = UnsafeMutablePointer<Layout>.allocate(capacity: 1)
        var parent = git_stream()
        parent.version = 1  // GIT_STREAM_VERSION
        parent.encrypted = 0
        parent.proxy_support = 0
        parent.connect = { DeadlineSocketStream.connectStream(DeadlineSocketStream.layout($0)) }
        parent.read = { DeadlineSocketStream.readStream(DeadlineSocketStream.layout($0), $1, $2) }
        parent.write = { DeadlineSocketStream.writeStream(DeadlineSocketStream.layout($0), $1, $2, $3) }
        parent.close = { DeadlineSocketStream.closeStream(DeadlineSocketStream.layout($0)) }
        parent.free = { DeadlineSocketStream.freeStream(DeadlineSocketStream.layout($0)) }
        memory.initialize(
            to: Layout(
                parent: parent, host: strdup(host), port: strdup(port), socket: -1,
                stallTimeout: timeout, watchdog: nil))
        out.pointee = UnsafeMutableRawPointer(memory).assumingMemoryBound(to: git_stream.self)
        return 0
    }

    // MARK: - connect

    private static func connectStream(_ stream: UnsafeMutablePointer<Layout>) -> Int32 {
        let host = String(cString: stream.pointee.host!)
        let port = String(cString: stream.pointee.port!)
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if os(Linux)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var info: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(host, port, &hints, &info)
        guard resolved == 0 else {
            let reason = String(cString: gai_strerror(resolved))
            _ = git_error_set_str(Int32(GIT_ERROR_NET.rawValue), "failed to resolve address for \(host): \(reason)")
            return -1
        }
        defer { freeaddrinfo(info) }
        let deadline = Deadline(seconds: stream.pointee.stallTimeout)
        var timedOut = false
        var entry = info
        while let address = entry?.pointee {
            entry = address.ai_next
            switch openSocket(address, deadline: deadline) {
            case .connected(let fd):
                stream.pointee.socket = fd
                watchIfNeeded(stream, host: host, port: port)
                return 0
            case .timedOut:
                timedOut = true
            case .failed:
                continue
            }
        }
        if timedOut {
            return stalled(host: host, port: port, seconds: stream.pointee.stallTimeout, waiting: .connecting)
        }
        _ = git_error_set_str(Int32(GIT_ERROR_OS.rawValue), "failed to connect to \(host)")
        return -1
    }

    private enum Attempt {
        case connected(Int32)
        case timedOut
        case failed
    }

    /// One non-blocking connect to `address`, waited for with poll until `deadline`.
    private static func openSocket(_ address: addrinfo, deadline: Deadline) -> Attempt {
        #if os(Linux)
            let type = address.ai_socktype | Int32(SOCK_CLOEXEC.rawValue)
        #else
            let type = address.ai_socktype
        #endif
        let fd = socket(address.ai_family, type, address.ai_protocol)
        guard fd >= 0 else { return .failed }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        #if canImport(Darwin)
            var one: Int32 = 1
            _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        #endif
        var result = connect(fd, address.ai_addr, address.ai_addrlen)
        if result != 0 && (errno == EINPROGRESS || errno == EINTR) {
            switch waitFor(fd, for: Int16(POLLOUT), until: deadline) {
            case .ready:
                var failure: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                result = getsockopt(fd, SOL_SOCKET, SO_ERROR, &failure, &length) == 0 && failure == 0 ? 0 : -1
                if failure != 0 { errno = failure }
            case .timedOut:
                close(fd)
                return .timedOut
            case .failed:
                result = -1
            }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            errno = code
            return .failed
        }
        return .connected(fd)
    }

    /// libssh2 reads and writes the socket itself, past `readStream` and `writeStream`: a watchdog keeps the
    /// deadline there.
    private static func watchIfNeeded(_ stream: UnsafeMutablePointer<Layout>, host: String, port: String) {
        let seconds = stream.pointee.stallTimeout
        guard seconds > 0, let context = TransferContext.current, SocketWatchdog.watches(url: context.url)
        else { return }
        let message = stallMessage(host: host, port: port, seconds: seconds, waiting: .reading)
        let watchdog = SocketWatchdog(
            socket: stream.pointee.socket, seconds: seconds, failure: context.recordedFailure,
            message: message)
        watchdog.start()
        stream.pointee.watchdog = Unmanaged.passRetained(watchdog)
    }

    private static func endWatch(_ stream: UnsafeMutablePointer<Layout>) {
        guard let watchdog = stream.pointee.watchdog else { return }
        stream.pointee.watchdog = nil
        watchdog.takeUnretainedValue().stop()
        watchdog.release()
    }

    // MARK: - read, write

    private static func readStream(
        _ stream: UnsafeMutablePointer<Layout>, _ data: UnsafeMutableRawPointer?,
        _ length: Int
    ) -> Int {
        let fd = stream.pointee.socket
        let deadline = Deadline(seconds: stream.pointee.stallTimeout)
        while true {
            let received = recv(fd, data, length, Int32(MSG_DONTWAIT))
            if received >= 0 { return received }
            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                switch waitFor(fd, for: Int16(POLLIN), until: deadline) {
                case .ready: continue
                case .timedOut: return Int(stalledStream(stream, .reading))
                case .failed: break
                }
            default:
                break
            }
            _ = git_error_set_str(Int32(GIT_ERROR_NET.rawValue), "error receiving socket data: \(errorText())")
            return -1
        }
    }

    private static func writeStream(
        _ stream: UnsafeMutablePointer<Layout>, _ data: UnsafePointer<CChar>?,
        _ length: Int, _ flags: Int32
    ) -> Int {
        let fd = stream.pointee.socket
        let deadline = Deadline(seconds: stream.pointee.stallTimeout)
        #if os(Linux)
            let sendFlags = flags | Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)
        #else
            let sendFlags = flags | Int32(MSG_DONTWAIT)
        #endif
        while true {
            let sent = send(fd, data, length, sendFlags)
            if sent >= 0 { return sent }
            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                switch waitFor(fd, for: Int16(POLLOUT), until: deadline) {
                case .ready: continue
                case .timedOut: return Int(stalledStream(stream, .writing))
                case .failed: break
                }
            default:
                break
            }
            _ = git_error_set_str(Int32(GIT_ERROR_NET.rawValue), "error sending data: \(errorText())")
            return -1
        }
    }

    private static func closeStream(_ stream: UnsafeMutablePointer<Layout>) -> Int32 {
        endWatch(stream)
        let fd = stream.pointee.socket
        stream.pointee.socket = -1
        return fd >= 0 ? close(fd) : 0
    }

    private static func freeStream(_ stream: UnsafeMutablePointer<Layout>) {
        endWatch(stream)
        if stream.pointee.socket >= 0 { _ = close(stream.pointee.socket) }
        free(stream.pointee.host)
        free(stream.pointee.port)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    // MARK: - waiting

    private enum Readiness {
        case ready
        case timedOut
        case failed
    }

    /// A point on the monotonic clock, or none (no limit).
    private struct Deadline {
        let end: UInt64?

        init(seconds: Double) {
            end = seconds > 0 ? DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1_000_000_000) : nil
        }

        /// Milliseconds left for poll (-1 for no limit, 0 once passed).
        var pollMilliseconds: Int32 {
            guard let end else { return -1 }
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < end else { return 0 }
            return Int32(min((end - now + 999_999) / 1_000_000, UInt64(Int32.max)))
        }

        var hasPassed: Bool { end.map { DispatchTime.now().uptimeNanoseconds >= $0 } ?? false }
    }

    /// Polls `fd` for `events` until it is ready (or in error: the next call says which) or `deadline` passes.
    private static func waitFor(_ fd: Int32, for events: Int16, until deadline: Deadline) -> Readiness {
        while true {
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&entry, 1, deadline.pollMilliseconds)
            if ready > 0 { return .ready }
            if ready == 0 {
                if deadline.hasPassed { return .timedOut }
                continue
            }
            if errno == EINTR { continue }
            return .failed
        }
    }

    // MARK: - time-outs

    /// What the stream was waiting for when its time ran out.
    enum Wait {
        case connecting, reading, writing
    }

    private static func stalledStream(_ stream: UnsafeMutablePointer<Layout>, _ wait: Wait) -> Int32 {
        stalled(
            host: String(cString: stream.pointee.host!), port: String(cString: stream.pointee.port!),
            seconds: stream.pointee.stallTimeout, waiting: wait)
    }

    /// Sets libgit2's error and the transfer's failure for a wait that ran out; returns -1.
    private static func stalled(host: String, port: String, seconds: Double, waiting: Wait) -> Int32 {
        let message = stallMessage(host: host, port: port, seconds: seconds, waiting: waiting)
        _ = git_error_set_str(Int32(GIT_ERROR_NET.rawValue), message)
        TransferContext.current?.failure = TransportFailure(kind: .unreachable, message: message)
        return -1
    }

    /// "no answer from 127.0.0.1:9418 in 2 s; BATON_TRANSFER_TIMEOUT or git config baton.transferTimeout sets
    /// how long to wait".
    static func stallMessage(host: String, port: String, seconds: Double, waiting: Wait) -> String {
        let address = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        let time = seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
        let what: String
        switch waiting {
        case .connecting: what = "could not connect to \(address) in \(time)"
        case .reading: what = "no answer from \(address) in \(time)"
        case .writing: what = "\(address) took no data in \(time)"
        }
        return "\(what); BATON_TRANSFER_TIMEOUT or git config baton.transferTimeout sets how long to wait"
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
