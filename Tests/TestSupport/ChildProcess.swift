import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process started with `posix_spawn`, in its own process group, with an empty
/// signal mask and default signal actions.
///
/// Foundation's `Process` hands the child the signal mask of the spawning thread, and the
/// threads Swift Testing runs tests on block almost every signal: a child started that way
/// ignores SIGTERM (git daemon would not stop) and baton would run with signals blocked.
public final class ChildProcess: @unchecked Sendable {
    public let pid: pid_t
    private let lock = NSLock()
    private var status: Int32?

    private init(pid: pid_t) { self.pid = pid }

    public struct SpawnError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts `executable` (an absolute path) with `arguments` in `directory`.
    /// stdin comes from `stdinPath` (or /dev/null); stdout and stderr go to the given files
    /// (truncated, or appended to when `append`).
    public static func spawn(
        executable: String, arguments: [String], directory: String, environment: [String: String],
        stdinPath: String?, stdoutPath: String, stderrPath: String, append: Bool = false
    ) throws -> ChildProcess {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw SpawnError(description: "\(executable) is not an executable file")
        }
        guard Files.isDirectory(directory) else {
            throw SpawnError(description: "working directory \(directory) does not exist")
        }
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
            var attr: posix_spawnattr_t? = nil
        #else
            var actions = posix_spawn_file_actions_t()
            var attr = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attr)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attr)
        }
        let outFlags = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC)
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, outFlags, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, outFlags, 0o644)
        // posix_spawn_file_actions_addchdir_np is in glibc >= 2.29 and macOS >= 10.15 but not
        // always visible to Swift: look it up, else change folder through /bin/sh.
        var executable = executable
        var arguments = arguments
        if let addChdir = ChildProcess.addChdir {
            _ = addChdir(&actions, directory)
        } else {
            arguments = ["-c", "cd \"$0\" && exec \"$@\"", directory, executable] + arguments
            executable = "/bin/sh"
        }

        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attr, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGALRM, SIGTERM, SIGCHLD, SIGUSR1, SIGUSR2, SIGTTIN, SIGTTOU] {
            sigaddset(&defaults, sig)
        }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setpgroup(&attr, 0)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for item in argv { free(item) }
            for item in envp { free(item) }
        }
        var pid: pid_t = 0
        var rc = posix_spawn(&pid, executable, &actions, &attr, argv, envp)
        // A script written a moment ago may still be open for writing in a child another test thread is
        // starting (the descriptor lives until that child execs): wait for it rather than fail.
        var retries = 0
        while rc == ETXTBSY && retries < 100 {
            usleep(20_000)
            retries += 1
            rc = posix_spawn(&pid, executable, &actions, &attr, argv, envp)
        }
        guard rc == 0 else {
            throw SpawnError(description: "posix_spawn \(executable) failed: \(String(cString: strerror(rc)))")
        }
        return ChildProcess(pid: pid)
    }

    #if canImport(Darwin)
        private typealias AddChdir =
            @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t?>, UnsafePointer<CChar>) -> Int32
    #else
        private typealias AddChdir =
            @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    #endif

    private static let addChdir: AddChdir? = {
        #if canImport(Darwin)
            let handle = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT
        #else
            let handle: UnsafeMutableRawPointer? = nil  // RTLD_DEFAULT
        #endif
        guard let symbol = dlsym(handle, "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    /// The exit status if the child has ended (128 + signal when killed by a signal); never blocks.
    public func poll() -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        if let status { return status }
        var raw: Int32 = 0
        let r = waitpid(pid, &raw, WNOHANG)
        if r == pid {
            let signal = raw & 0x7f
            status = signal == 0 ? (raw >> 8) & 0xff : 128 + signal
        } else if r < 0 && errno == ECHILD {
            status = -1
        }
        return status
    }

    public var isRunning: Bool { poll() == nil }

    /// Waits until the child ends or `timeout` passes; returns the exit status or nil.
    public func wait(timeout: TimeInterval? = nil) -> Int32? {
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        var pause: useconds_t = 1_000
        while true {
            if let s = poll() { return s }
            if let deadline, Date() >= deadline { return nil }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
    }

    /// Sends `sig` to the child's whole process group (its own children too).
    public func signalGroup(_ sig: Int32) {
        guard poll() == nil else { return }
        if kill(-pid, sig) != 0 { kill(pid, sig) }
    }

    /// SIGTERM, then SIGKILL after `grace` seconds; waits for the end. Returns the status.
    @discardableResult
    public func stop(grace: TimeInterval = 3) -> Int32 {
        signalGroup(SIGTERM)
        if let s = wait(timeout: grace) { return s }
        signalGroup(SIGKILL)
        return wait() ?? -1
    }
}

extension ChildProcess {
    /// The port a test server started as this child writes to `portFile` (the number and a newline), once
    /// it is there and, with `mustAccept`, the port takes connections: waits up to 15 s. When the child exits
    /// first or never gets there, it is stopped and the error names `server` and quotes its `log`.
    public func waitForPort(in portFile: String, server: String, log: String, mustAccept: Bool = true) throws
        -> UInt16
    {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if let status = poll() {
                throw HarnessError("the \(server) exited with \(status): \(Files.read(log) ?? "")")
            }
            if let text = Files.read(portFile), text.hasSuffix("\n"), let port = UInt16(text.dropLast()),
                !mustAccept || LocalPorts.accepts(port: port)
            {
                return port
            }
            usleep(20_000)
        }
        stop()
        throw HarnessError("the \(server) did not listen within 15 s: \(Files.read(log) ?? "")")
    }
}
