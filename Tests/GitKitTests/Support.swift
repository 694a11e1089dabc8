import Foundation
import Testing
@testable import GitKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A private temp folder for one test, with its own HOME and `.gitconfig` for child git processes.
final class Sandbox {
    let root: String
    let home: String

    init() throws {
        GitLibrary.initialize()
        let base = FileManager.default.temporaryDirectory.path + "/gitkit-test-XXXXXX"
        var template = Array(base.utf8CString)
        guard let made = mkdtemp(&template) else { throw SandboxError("mkdtemp failed") }
        // Resolve symlinks (e.g. /tmp -> /private/tmp) so paths compare equal to what libgit2 reports.
        root = URL(fileURLWithPath: String(cString: made)).resolvingSymlinksInPath().path
        home = root + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try """
        [user]
        \tname = Sandbox Tester
        \temail = tester@example.invalid
        [init]
        \tdefaultBranch = main
        [advice]
        \tdetachedHead = false
        [protocol "file"]
        \tallow = always

        """.write(toFile: home + "/.gitconfig", atomically: true, encoding: .utf8)
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Environment for child git processes: only this sandbox's HOME, no system config.
    var environment: [String: String] {
        var env: [String: String] = [
            "HOME": home,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_TERMINAL_PROMPT": "0",
            "LC_ALL": "C",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
        ]
        env["XDG_CONFIG_HOME"] = home + "/.config"
        return env
    }

    struct GitRun {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs the git CLI in `directory`. Throws when it exits non-zero unless `allowFailure`.
    @discardableResult
    func git(_ args: [String], in directory: String, allowFailure: Bool = false) throws -> GitRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Sandbox.gitExecutable)
        process.arguments = args
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        let id = UUID().uuidString
        let outPath = root + "/.out-\(id)", errPath = root + "/.err-\(id)"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let run = GitRun(
            status: process.terminationStatus,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
        if run.status != 0 && !allowFailure {
            throw SandboxError("git \(args.joined(separator: " ")) exited \(run.status): \(run.stderr)")
        }
        return run
    }

    static let gitExecutable: String = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/git") {
            return "\(dir)/git"
        }
        return "/usr/bin/git"
    }()

    func write(_ relative: String, _ text: String, in directory: String) throws {
        let full = directory + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    func read(_ relative: String, in directory: String) -> String? {
        FileManager.default.contents(atPath: directory + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }
}

struct SandboxError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A fixed signature at `second` seconds after a base time, so history order is deterministic.
func testSignature(_ second: Int = 0, name: String = "Ada Tester", email: String = "ada@example.invalid") -> Signature {
    Signature(name: name, email: email, time: Date(timeIntervalSince1970: 1_700_000_000 + TimeInterval(second)), offsetMinutes: 60)
}

/// Builds a commit on `branch` from its current tip with `files` written (nil data: removed),
/// moving the branch with compare-and-swap. Returns the new commit.
@discardableResult
func commitFiles(
    _ repo: Repository, _ files: [String: String?], message: String = "change", second: Int = 0,
    branch: String = "refs/heads/main", parents explicitParents: [ObjectID]? = nil, moveBranch: Bool = true
) throws -> ObjectID {
    let tip = try repo.referenceTarget(branch)
    let parents = explicitParents ?? (tip.map { [$0] } ?? [])
    let baseTree = try parents.first.map { try repo.commit($0).tree }
    var changes: [TreeChange] = []
    for (path, text) in files.sorted(by: { $0.key < $1.key }) {
        if let text {
            changes.append(.upsert(path: path, blob: try repo.createBlob(Data(text.utf8))))
        } else {
            changes.append(.remove(path: path))
        }
    }
    let tree = try repo.updatedTree(base: baseTree, changes: changes)
    let sig = testSignature(second)
    let commit = try repo.createCommit(tree: tree, parents: parents, author: sig, committer: sig, message: message)
    if moveBranch {
        try repo.updateReference(branch, to: commit, expected: tip, message: "test: \(message)")
    }
    return commit
}

/// Runs `body` and returns the `GitError` it threw; records an issue if it threw nothing or something else.
func gitError(
    _ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation
) -> GitError? {
    do {
        try body()
        Issue.record("expected a GitError, nothing was thrown", sourceLocation: sourceLocation)
        return nil
    } catch let error as GitError {
        return error
    } catch {
        Issue.record("expected a GitError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

// MARK: - Sockets and git daemon

/// Ports `freePort` handed out, so that parallel tests never get the same one (even after it was released).
private final class PortRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var used: Set<Int> = []
    func claim(_ port: Int) -> Bool { lock.withLock { used.insert(port).inserted } }
}
private let portRegistry = PortRegistry()

/// A TCP port on 127.0.0.1 that was free a moment ago and that no other test in this process was given.
func freePort() throws -> Int {
    for _ in 0..<100 {
        let port = try anyFreePort()
        if portRegistry.claim(port) { return port }
    }
    throw SandboxError("no unused free port")
}

/// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, then released).
private func anyFreePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM_VALUE), 0)
    guard fd >= 0 else { throw SandboxError("socket failed") }
    defer { close(fd) }
    var addr = loopback(port: 0)
    let bound = withUnsafePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else { throw SandboxError("bind failed") }
    var out = sockaddr_in()
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &out) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
    }
    guard named == 0 else { throw SandboxError("getsockname failed") }
    return Int(UInt16(bigEndian: out.sin_port))
}

/// True when something accepts TCP connections on 127.0.0.1:`port`.
func canConnect(port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM_VALUE), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var addr = loopback(port: port)
    let result = withUnsafePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    return result == 0
}

#if canImport(Glibc)
private let SOCK_STREAM_VALUE = SOCK_STREAM.rawValue
#else
private let SOCK_STREAM_VALUE = SOCK_STREAM
#endif

private func loopback(port: Int) -> sockaddr_in {
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = in_port_t(UInt16(port).bigEndian)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    return addr
}

/// `git daemon` serving every repository under `basePath`, pushes allowed. Call `stop()` when done.
///
/// Spawned with posix_spawn rather than Foundation's `Process`: the test runner blocks SIGTERM, and `Process`
/// passes that signal mask on, so `terminate()` would never stop the daemon. Here the child gets an empty
/// mask and default dispositions, and `stop()` terminates it and waits for it to exit.
final class GitDaemon {
    private(set) var port = 0
    private var pid: pid_t = 0
    private var exited = true

    /// Starts the daemon on a free port. Tests run in parallel, so a port found free can be taken by another
    /// test's daemon before ours binds it; a uniquely named probe repository proves that the daemon answering
    /// is ours, and a clash is retried on a new port.
    init(basePath: String, sandbox: Sandbox) throws {
        let probe = ".probe-\(UUID().uuidString).git"
        try FileManager.default.createDirectory(atPath: basePath + "/" + probe, withIntermediateDirectories: true)
        try sandbox.git(["init", "--bare", "-q", "-b", "main"], in: basePath + "/" + probe)
        for _ in 0..<8 {
            port = try freePort()
            try spawn(basePath: basePath, sandbox: sandbox)
            let deadline = Date().addingTimeInterval(10)
            while isRunning, !canConnect(port: port), Date() < deadline { usleep(20_000) }
            if isRunning, canConnect(port: port),
                try sandbox.git(["ls-remote", url(probe)], in: sandbox.root, allowFailure: true).status == 0
            {
                return
            }
            stop()
        }
        throw SandboxError("git daemon could not be started")
    }

    private func spawn(basePath: String, sandbox: Sandbox) throws {
        // Run git-daemon itself rather than the `git daemon` wrapper, so that SIGTERM reaches the daemon and
        // cannot leave an orphan behind (the wrapper forwards signals only once it has started its child).
        let executable = GitDaemon.executable
        let args = [
            executable, "--export-all", "--enable=receive-pack", "--reuseaddr",
            "--base-path=\(basePath)", "--listen=127.0.0.1", "--port=\(port)", basePath,
        ]
        let env = sandbox.environment.map { "\($0.key)=\($0.value)" }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let cArgs = args.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup($0) } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        let status = posix_spawn(&pid, executable, &actions, &attr, cArgs, cEnv)
        guard status == 0 else { throw SandboxError("posix_spawn git daemon failed: \(status)") }
        exited = false
    }

    func url(_ repository: String) -> String { "git://127.0.0.1:\(port)/\(repository)" }

    /// `git-daemon` in git's exec path.
    static let executable: String = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Sandbox.gitExecutable)
        process.arguments = ["--exec-path"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "/usr/lib/git-core/git-daemon" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let dir = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return (dir.isEmpty ? "/usr/lib/git-core" : dir) + "/git-daemon"
    }()

    private var isRunning: Bool {
        guard !exited else { return false }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid || (result == -1 && errno == ECHILD) { exited = true }
        return !exited
    }

    /// Terminates the daemon and waits for it (SIGKILL if it ignores SIGTERM for 5 seconds).
    func stop() {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while isRunning {
            if Date() > deadline { kill(pid, SIGKILL) }
            usleep(10_000)
        }
    }

    deinit { stop() }
}
