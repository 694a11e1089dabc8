import Foundation
import Testing

/// A reproducible environment for child processes: its own HOME with a `.gitconfig`
/// (identity for both libgit2 and the git CLI), no system git config, no colours, a chosen
/// time zone, no editor unless a test gives one, and the caller's PATH.
public struct Sandbox: Sendable {
    public let home: String
    public var tz: String
    public let userName: String
    public let userEmail: String

    /// Creates `home` (if needed) and writes its `.gitconfig`.
    public static func make(
        home: String, userName: String = "Test User", userEmail: String = "test@example.com",
        tz: String = "UTC"
    ) throws -> Sandbox {
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let config = """
            [user]
            \tname = \(userName)
            \temail = \(userEmail)
            [init]
            \tdefaultBranch = main
            [advice]
            \tdetachedHead = false
            [protocol]
            \tallow = always

            """
        try Files.write(config, to: "\(home)/.gitconfig")
        return Sandbox(home: home, tz: tz, userName: userName, userEmail: userEmail)
    }

    /// The environment for a child; `extra` wins over the defaults.
    public func variables(_ extra: [String: String] = [:]) -> [String: String] {
        var env: [String: String] = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": home,
            "XDG_CONFIG_HOME": "\(home)/.config",
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_TERMINAL_PROMPT": "0",
            "NO_COLOR": "1",
            "TERM": "dumb",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TZ": tz,
        ]
        for (key, value) in extra { env[key] = value }
        return env
    }

    /// Runs `baton` with `args` in `dir`. A time-out kills the child and fails the test.
    public func baton(
        _ executable: String, _ args: [String], in dir: String, env: [String: String] = [:],
        stdin: String? = nil, timeout: TimeInterval = 60,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> CommandResult {
        let result = ProcessRunner.run(
            executable: executable, arguments: args, directory: dir,
            environment: variables(env), stdin: stdin, timeout: timeout)
        if result.timedOut {
            Issue.record("timed out after \(Int(timeout)) s and was killed:\n\(result)", sourceLocation: sourceLocation)
        }
        return result
    }

    /// The git CLI, run the same way.
    public var git: Git { Git(sandbox: self) }
}

/// The real `git` command line, an independent witness of what baton did.
public struct Git: Sendable {
    public let sandbox: Sandbox

    public static var executable: String { ProcessRunner.which("git") ?? "/usr/bin/git" }

    @discardableResult
    public func run(
        _ args: [String], in dir: String, env: [String: String] = [:], stdin: String? = nil,
        timeout: TimeInterval = 60, sourceLocation: SourceLocation = #_sourceLocation
    ) -> CommandResult {
        let result = ProcessRunner.run(
            executable: Git.executable, arguments: args, directory: dir,
            environment: sandbox.variables(env), stdin: stdin, timeout: timeout)
        if result.timedOut {
            Issue.record(
                "git timed out after \(Int(timeout)) s and was killed:\n\(result)", sourceLocation: sourceLocation)
        }
        return result
    }

    /// Runs git and fails the test (throws) unless it exits 0; returns trimmed stdout.
    @discardableResult
    public func check(
        _ args: [String], in dir: String, env: [String: String] = [:], stdin: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let r = run(args, in: dir, env: env, stdin: stdin, sourceLocation: sourceLocation)
        try #require(r.status == 0, "git failed:\n\(r)", sourceLocation: sourceLocation)
        return r.out
    }

    /// The environment that dates a commit made by the git CLI at `iso` (author and committer), so a
    /// test never depends on the day it runs.
    public static func dated(_ iso: String) -> [String: String] {
        ["GIT_AUTHOR_DATE": iso, "GIT_COMMITTER_DATE": iso]
    }

    public func head(_ dir: String) -> String {
        run(["rev-parse", "--verify", "-q", "HEAD"], in: dir).out
    }

    public func porcelain(_ dir: String) -> String {
        run(["status", "--porcelain", "--untracked-files=all"], in: dir).out
    }

    public func commitCount(_ dir: String, _ rev: String = "HEAD") -> Int {
        Int(run(["rev-list", "--count", rev], in: dir).out) ?? -1
    }

    public func subjects(_ dir: String, _ extra: [String] = []) -> [String] {
        run(["log", "--format=%s"] + extra, in: dir).stdout
            .split(separator: "\n").map(String.init)
    }

    /// The file as committed at `rev`.
    public func show(_ rev: String, _ path: String, in dir: String) -> String? {
        let r = run(["show", "\(rev):\(path)"], in: dir)
        return r.status == 0 ? r.stdout : nil
    }
}
