import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public struct HarnessError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Local TCP helpers.
public enum LocalPorts {
    private static func tcpSocket() -> Int32 {
        #if os(Linux)
            return socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            return socket(AF_INET, SOCK_STREAM, 0)
        #endif
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var addr = sockaddr_in()
        #if !os(Linux)
            addr.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        return addr
    }

    /// A port that was free a moment ago and that no other test in this process was given, so a test that
    /// stops its server can count on nobody else's taking the port over.
    public static func freePort() throws -> UInt16 {
        for _ in 0..<100 {
            let port = try anyFreePort()
            if handedOut.claim(port) { return port }
        }
        throw HarnessError("no unused free port")
    }

    /// Ports `freePort` handed out.
    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var used: Set<UInt16> = []
        func claim(_ port: UInt16) -> Bool { lock.withLock { used.insert(port).inserted } }
    }
    private static let handedOut = Registry()

    /// A port that was free a moment ago: bind 127.0.0.1:0, read the port, close.
    private static func anyFreePort() throws -> UInt16 {
        let fd = tcpSocket()
        guard fd >= 0 else { throw HarnessError("socket() failed: errno \(errno)") }
        defer { close(fd) }
        var addr = loopback(port: 0)
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw HarnessError("bind() failed: errno \(errno)") }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        guard named == 0 else { throw HarnessError("getsockname() failed: errno \(errno)") }
        return UInt16(bigEndian: addr.sin_port)
    }

    /// Whether something accepts TCP connections on 127.0.0.1:port.
    public static func accepts(port: UInt16) -> Bool {
        let fd = tcpSocket()
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var addr = loopback(port: port)
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return connected == 0
    }
}

/// `git daemon` serving every repository under `basePath` on 127.0.0.1, pushes allowed.
/// Stopped by `stop()` or when released; `start()` brings it back on the same port.
public final class GitDaemon: @unchecked Sendable {
    public let basePath: String
    public let logPath: String
    private let environment: [String: String]
    private let lock = NSLock()
    private var process: ChildProcess?
    private var _port: UInt16 = 0

    public var port: UInt16 { lock.withLock { _port } }

    /// Starts on a free random port (retrying with another port if it was taken meanwhile).
    public init(basePath: String, sandbox: Sandbox, logPath: String) throws {
        self.basePath = basePath
        self.logPath = logPath
        self.environment = sandbox.variables()
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        var lastError: Error = HarnessError("git daemon never started")
        for _ in 0..<8 {
            let candidate = try LocalPorts.freePort()
            lock.withLock { _port = candidate }
            do {
                try launch(deadline: 10)
                return
            } catch {
                lastError = error
            }
        }
        throw lastError
    }

    /// `git://127.0.0.1:PORT/name.git` for the bare repository `basePath/name.git`.
    public func url(for repoName: String) -> String {
        let name = repoName.hasSuffix(".git") ? repoName : "\(repoName).git"
        return "git://127.0.0.1:\(port)/\(name)"
    }

    public var isRunning: Bool { lock.withLock { process?.isRunning ?? false } }

    /// Starts again on the same port (after `stop()`); retries while the port is still held.
    public func start() throws {
        if isRunning { return }
        var lastError: Error = HarnessError("git daemon did not restart")
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            do {
                try launch(deadline: 10)
                return
            } catch {
                lastError = error
                usleep(200_000)
            }
        }
        throw lastError
    }

    /// Terminates the daemon and waits for it; idempotent.
    public func stop() {
        let running: ChildProcess? = lock.withLock {
            defer { process = nil }
            return process
        }
        guard let running else { return }
        running.stop(grace: 5)
        // The listening socket is gone once the parent is: wait until refused.
        let deadline = Date().addingTimeInterval(5)
        while LocalPorts.accepts(port: port) && Date() < deadline { usleep(20_000) }
    }

    deinit { stop() }

    private func launch(deadline seconds: TimeInterval) throws {
        let port = self.port
        // Run git-daemon itself, not the `git daemon` wrapper: terminating the wrapper would
        // leave the real daemon listening.
        let p = try ChildProcess.spawn(
            executable: GitDaemon.executable,
            arguments: [
                "--export-all", "--enable=receive-pack", "--base-path=\(basePath)",
                "--listen=127.0.0.1", "--port=\(port)", "--reuseaddr", "--informative-errors", "--verbose",
            ],
            directory: basePath, environment: environment,
            stdinPath: nil, stdoutPath: logPath, stderrPath: logPath, append: true)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let status = p.poll() {
                throw HarnessError("git daemon on port \(port) exited with \(status): \(logTail())")
            }
            if LocalPorts.accepts(port: port) {
                // Make sure it is ours that answers, not someone who took the port meanwhile.
                usleep(50_000)
                if let status = p.poll() {
                    throw HarnessError("git daemon on port \(port) exited with \(status): \(logTail())")
                }
                lock.withLock { process = p }
                return
            }
            usleep(20_000)
        }
        p.stop()
        throw HarnessError(
            "git daemon on port \(port) did not accept connections within \(Int(seconds)) s: \(logTail())")
    }

    /// `$(git --exec-path)/git-daemon`.
    public static let executable: String = {
        let r = ProcessRunner.run(
            executable: Git.executable, arguments: ["--exec-path"], directory: "/",
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
            timeout: 20)
        let dir = r.out.isEmpty ? "/usr/lib/git-core" : r.out
        return "\(dir)/git-daemon"
    }()

    public func logTail() -> String {
        let text = Files.read(logPath) ?? ""
        return text.split(separator: "\n").suffix(10).joined(separator: "\n")
    }
}
