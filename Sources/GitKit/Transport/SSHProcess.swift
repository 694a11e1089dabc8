import Basics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A running ssh program (an `SSHCommand`) with its standard input and output connected to baton, in baton's
/// own process group and session so that it can ask for a passphrase or a host key on the terminal, as it does
/// under git. Its standard error is copied to baton's, without control characters, and its last few
/// kilobytes are kept to explain a failure. Never outlives `finish()`.
final class SSHProcess {
    private(set) var pid: pid_t = 0
    /// Baton's end of the child's standard input (a socket, so a write to a dead ssh is an error, not SIGPIPE).
    private var input: Int32 = -1
    /// Baton's end of the child's standard output.
    private var output: Int32 = -1
    private let stderrTail: StderrTail
    private var stderrThread: Thread?
    private(set) var exitStatus: Int32?
    /// Bytes read from the child's standard output so far.
    private(set) var bytesRead = 0
    /// The base name of the child's `SSH_ASKPASS` program, if it has one.
    private var askpassName: String?

    /// Starts `command`. Throws a `SSHCommand.Refusal` when the program cannot be found or started.
    convenience init(command: SSHCommand, environment: [String: String]) throws {
        try self.init(program: command.program, argv: command.argv, environment: environment)
    }

    /// Starts `program` (looked up on `PATH` without a slash) with `argv`; its standard error is copied to
    /// baton's unless `copyStderr` is false.
    init(program name: String, argv: [String], environment: [String: String], copyStderr: Bool = true) throws {
        stderrTail = StderrTail(copying: copyStderr)
        let program = try Self.resolve(name, path: environment["PATH"])
        askpassName = environment["SSH_ASKPASS"].flatMap { $0.isEmpty ? nil : ($0 as NSString).lastPathComponent }
        let stdinPair: (parent: Int32, child: Int32)
        let stdoutPair: (parent: Int32, child: Int32)
        let stderrPair: (parent: Int32, child: Int32)
        do {
            // Sockets rather than pipes: close-on-exec from the start, and `send` reports a dead reader as an
            // error instead of raising SIGPIPE.
            stdinPair = try ChildSpawn.socketPair()
            stdoutPair = try ChildSpawn.socketPair()
            stderrPair = try ChildSpawn.socketPair()
        } catch {
            throw SSHCommand.Refusal(message: "could not create a pipe for ssh: \(error.localizedDescription)")
        }
        let started = ChildSpawn.start(
            program, argv: argv, environment: environment,
            descriptors: [0: stdinPair.child, 1: stdoutPair.child, 2: stderrPair.child])
        close(stdinPair.child)
        close(stdoutPair.child)
        close(stderrPair.child)
        guard case .success(let child) = started else {
            close(stdinPair.parent)
            close(stdoutPair.parent)
            close(stderrPair.parent)
            if case .failure(let error) = started {
                throw SSHCommand.Refusal(
                    message: "could not run \(program): \(String(cString: strerror(error.code.rawValue)))")
            }
            return
        }
        pid = child
        input = stdinPair.parent
        output = stdoutPair.parent
        let tail = stderrTail
        let stderrFD = stderrPair.parent
        let thread = Thread { tail.copy(from: stderrFD) }
        thread.name = "ssh stderr"
        stderrThread = thread
        thread.start()
    }

    deinit { finish() }

    /// Reads up to `count` bytes into `buffer`; 0 at the end. Nil when nothing arrived for `timeout` seconds
    /// (0: wait as long as it takes). Throws on a read error.
    func read(into buffer: UnsafeMutableRawPointer, count: Int, timeout: TimeInterval) throws -> Int? {
        guard output >= 0 else { return 0 }
        guard try wait(for: output, events: Int16(POLLIN), timeout: timeout) else { return nil }
        let n = try FileDescriptorIO.readSome(
            output, into: UnsafeMutableRawBufferPointer(start: buffer, count: count), path: "ssh's output")
        bytesRead += n
        return n
    }

    /// Writes all of `bytes`; false when the child took nothing for `timeout` seconds. Throws on an error
    /// (ssh gone: a closed socket).
    func write(_ bytes: UnsafeRawBufferPointer, timeout: TimeInterval) throws -> Bool {
        var offset = 0
        while offset < bytes.count {
            guard input >= 0 else { throw POSIXError(.EPIPE) }
            guard try wait(for: input, events: Int16(POLLOUT), timeout: timeout) else { return false }
            let n = send(input, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            offset += n
        }
        return true
    }

    /// Stops the child at once (a stalled connection).
    func kill() {
        if pid > 0, exitStatus == nil { Glibc.kill(pid, SIGTERM) }
    }

    /// Closes baton's ends, gives ssh `grace` seconds to exit, kills it after that, and reaps it. Returns its
    /// exit status (`128 + signal` when killed). Idempotent.
    @discardableResult
    func finish(grace: TimeInterval = 2) -> Int32 {
        if input >= 0 {
            close(input)
            input = -1
        }
        if output >= 0 {
            close(output)
            output = -1
        }
        if let exitStatus { return exitStatus }
        guard pid > 0 else { return -1 }
        let deadline = Date().addingTimeInterval(grace)
        var raw: Int32 = 0
        var reaped = false
        while Date() < deadline {
            let result = waitpid(pid, &raw, WNOHANG)
            if result == pid {
                reaped = true
                break
            }
            if result < 0 && errno != EINTR { break }
            usleep(10_000)
        }
        if !reaped {
            Glibc.kill(pid, SIGKILL)
            while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
        }
        let status = ChildSpawn.exitCode(raw)
        exitStatus = status
        return status
    }

    /// ssh's standard error, free of control characters (the last few KB): after `finish()`, waits up to a
    /// second for the stream's end (a process ssh left running, e.g. a ControlPersist master, may keep it open).
    var stderrText: String {
        stderrTail.waitUntilDone(timeout: 1)
        return stderrTail.text
    }

    /// Runs `argv` to its end and returns its standard output (at most 64 KB), or nil when it fails or takes
    /// longer than `timeout` seconds. Its standard error is not shown.
    static func output(program: String, argv: [String], environment: [String: String], timeout: TimeInterval) -> String?
    {
        guard let process = try? SSHProcess(program: program, argv: argv, environment: environment, copyStderr: false)
        else { return nil }
        defer { process.finish(grace: 0.5) }
        var collected: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(timeout)
        while collected.count < 65536 {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return nil }
            let n = buffer.withUnsafeMutableBytes {
                try? process.read(into: $0.baseAddress!, count: $0.count, timeout: left)
            }
            guard let count = n else { return nil }
            if count == 0 { break }
            collected += buffer[0..<count]
        }
        process.finish(grace: 0.5)
        guard process.exitStatus == 0 else { return nil }
        return String(decoding: collected, as: UTF8.self)
    }

    private func wait(for fd: Int32, events: Int16, timeout: TimeInterval) throws -> Bool {
        var deadline = timeout > 0 ? Date().addingTimeInterval(timeout) : nil
        while true {
            var entry = pollfd(fd: fd, events: events, revents: 0)
            var milliseconds: Int32 = -1
            if let current = deadline {
                var left = current.timeIntervalSinceNow
                if left <= 0 {
                    // A passphrase or host key question on the terminal waits for the user, as under git.
                    guard isAskingOnTerminal else { return false }
                    deadline = Date().addingTimeInterval(timeout)
                    left = timeout
                }
                milliseconds = Int32(min(left * 1000, 60_000).rounded(.up))
            }
            let result = poll(&entry, 1, milliseconds)
            if result > 0 { return true }
            if result == 0 { continue }
            if errno == EINTR { continue }
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    /// Whether the child, or a process it started, is asking the user something: it has a terminal open (ssh
    /// opens /dev/tty only to ask for a passphrase or to confirm a host key; its standard streams are baton's
    /// sockets), or ssh's `SSH_ASKPASS` program is running.
    var isAskingOnTerminal: Bool {
        guard pid > 0, exitStatus == nil else { return false }
        var pending: [pid_t] = [pid]
        var seen = 0
        while let next = pending.popLast(), seen < 64 {
            seen += 1
            if next != pid, let askpass = askpassName, Self.programNames(of: next).contains(askpass) { return true }
            let fdFolder = "/proc/\(next)/fd"
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: fdFolder)) ?? [] {
                guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(fdFolder)/\(entry)")
                else { continue }
                if target.hasPrefix("/dev/pts/") || target.hasPrefix("/dev/tty") || target == "/dev/console" {
                    return true
                }
            }
            for task in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(next)/task")) ?? [] {
                let path = "/proc/\(next)/task/\(task)/children"
                let children = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                pending += children.split(separator: " ").compactMap { pid_t($0) }
            }
        }
        return false
    }

    /// The base names of `argv[0]` and `argv[1]` of process `pid` (a script's is its interpreter's argument).
    private static func programNames(of pid: pid_t) -> [String] {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return [] }
        return data.split(separator: 0).prefix(2).map {
            (String(decoding: $0, as: UTF8.self) as NSString).lastPathComponent
        }
    }

    private static func resolve(_ program: String, path: String?) throws -> String {
        if let found = SSHCommand.findOnPath(
            program, path: path, isExecutable: { FileManager.default.isExecutableFile(atPath: $0) })
        {
            return found
        }
        throw SSHCommand.Refusal(
            message: "cannot run the ssh program '\(program)': not found (GIT_SSH, core.sshCommand or PATH)")
    }
}

/// Copies a child's standard error to baton's line by line, without control characters (server banners are
/// untrusted), and keeps its last few kilobytes.
final class StderrTail: Sendable {
    private let kept = Locked<[UInt8]>([])
    /// Signalled once the stream has ended.
    private let done = DispatchSemaphore(value: 0)
    private let copying: Bool
    static let limit = 8 * 1024

    init(copying: Bool = true) {
        self.copying = copying
    }

    /// Reads `fd` until its end, then closes it.
    func copy(from fd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var pending: [UInt8] = []
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            pending += buffer[0..<n]
            // Whole lines only (a UTF-8 sequence is never split), or a long run without a newline.
            if let lastNewline = pending.lastIndex(of: 0x0a) {
                emit(pending[...lastNewline])
                pending.removeSubrange(...lastNewline)
            } else if pending.count >= 4096 {
                emit(pending[...])
                pending.removeAll()
            }
        }
        if !pending.isEmpty { emit(pending[...] + [0x0a]) }
        close(fd)
        done.signal()
    }

    private func emit(_ bytes: ArraySlice<UInt8>) {
        let clean = Self.printable(bytes)
        if copying {
            clean.withUnsafeBytes { out in
                var offset = 0
                while offset < out.count {
                    let written = Glibc.write(2, out.baseAddress! + offset, out.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
        }
        kept.withLock { kept in
            kept += clean
            if kept.count > Self.limit { kept.removeFirst(kept.count - Self.limit) }
        }
    }

    /// Waits up to `timeout` seconds for the end of the stream.
    func waitUntilDone(timeout: TimeInterval) {
        // The signal is put back, so a later wait returns at once too.
        if done.wait(timeout: .now() + timeout) == .success { done.signal() }
    }

    var text: String {
        String(decoding: kept.current, as: UTF8.self)
    }

    /// `bytes` as UTF-8 (invalid sequences replaced) without control characters, C1 ones included: newline
    /// and tab stay, a carriage return goes.
    static func printable(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x0a || value == 0x09 || !(value < 0x20 || (value >= 0x7f && value < 0xa0)) {
                out.append(scalar)
            }
        }
        return Array(String(out).utf8)
    }
}
