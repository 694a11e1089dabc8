import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A TCP listener on 127.0.0.1 (a port the kernel picks) that accepts every connection, reads and discards what
/// the client sends, and never sends a byte: the server that hangs a client with no time-out. Connections stay
/// open until `stop()`. `connections` counts the accepted ones.
///
/// With `accepting: false` it never accepts and its queue is full (backlog 0, one connection of its own
/// waiting), so the kernel drops new SYNs and a client's connect itself hangs.
public final class StallServer: @unchecked Sendable {
    public let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var accepted: [Int32] = []
    private var acceptedCount = 0
    private var stopped = false
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)

    public init(accepting: Bool = true) throws {
        #if os(Linux)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw HarnessError("socket() failed: errno \(errno)") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        #if !os(Linux)
            addr.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, len) == 0 && listen(fd, accepting ? 64 : 0) == 0 && getsockname(fd, $0, &len) == 0
            }
        }
        guard ok else {
            let code = errno
            close(fd)
            throw HarnessError("cannot listen on 127.0.0.1: errno \(code)")
        }
        listener = fd
        port = UInt16(bigEndian: addr.sin_port)
        guard accepting else {
            try fillQueue(addr)
            finished.signal()
            return
        }
        let thread = Thread { [unowned self] in self.serve() }
        thread.name = "StallServer:\(port)"
        self.thread = thread
        thread.start()
    }

    /// One connection of our own that stays in the (backlog 0) accept queue, so it is full.
    private func fillQueue(_ address: sockaddr_in) throws {
        #if os(Linux)
            let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let client = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = address
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard client >= 0, connected else {
            close(client)
            close(listener)
            throw HarnessError("cannot fill the accept queue of 127.0.0.1:\(port): errno \(errno)")
        }
        accepted.append(client)
    }

    /// How many connections were accepted so far.
    public var connections: Int { lock.withLock { acceptedCount } }

    /// `scheme://127.0.0.1:PORT/name.git` (git, http, https: none of them ever gets an answer).
    public func url(scheme: String, for repoName: String = "journal") -> String {
        let name = repoName.hasSuffix(".git") ? repoName : "\(repoName).git"
        return "\(scheme)://127.0.0.1:\(port)/\(name)"
    }

    /// Closes every connection and the listener and waits for the thread; idempotent.
    public func stop() {
        let first: Bool = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        finished.wait()
        lock.withLock {
            for item in accepted { close(item) }
            accepted = []
        }
        close(listener)
    }

    deinit { stop() }

    private func serve() {
        defer { finished.signal() }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !lock.withLock({ stopped }) {
            var fds = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
            fds += lock.withLock { accepted.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) } }
            let ready = poll(&fds, nfds_t(fds.count), 100)
            guard ready > 0 else { continue }
            if fds[0].revents & Int16(POLLIN) != 0 {
                let client = accept(listener, nil, nil)
                if client >= 0 {
                    lock.withLock {
                        accepted.append(client)
                        acceptedCount += 1
                    }
                }
            }
            // Drain what clients send (so none of them blocks on a full buffer); never answer.
            // A client that hung up is closed here.
            for entry in fds.dropFirst() where entry.revents != 0 {
                if read(entry.fd, &buffer, buffer.count) <= 0 {
                    lock.withLock { accepted.removeAll { $0 == entry.fd } }
                    close(entry.fd)
                }
            }
        }
    }
}
