import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a command the user configured in git (a credential helper, an askpass program) the way git runs
/// it: through `/bin/sh -c`, started by `ChildSpawn` (so it may ask on the terminal), `input` on its stdin,
/// its stderr going to baton's.
enum ShellCommand {
    /// What the command did.
    struct Result {
        var status: Int32
        var output: Data
    }

    /// Runs `command` (shell text); `arguments` become `$1`, `$2`, …; `environment` is added to baton's.
    /// Returns nil when it could not start.
    static func run(
        _ command: String, arguments: [String] = [], input: Data = Data(),
        environment: [String: String] = [:]
    ) -> Result? {
        guard let toChild = try? ChildSpawn.socketPair() else { return nil }
        guard let fromChild = try? ChildSpawn.socketPair() else {
            close(toChild.parent)
            close(toChild.child)
            return nil
        }
        var variables = ProcessInfo.processInfo.environment
        for (key, value) in environment { variables[key] = value }
        let started = ChildSpawn.start(
            "/bin/sh", argv: ["/bin/sh", "-c", command, command] + arguments, environment: variables,
            descriptors: [0: toChild.child, 1: fromChild.child, 2: STDERR_FILENO])
        close(toChild.child)
        close(fromChild.child)
        guard case .success(let pid) = started else {
            close(toChild.parent)
            close(fromChild.parent)
            return nil
        }
        // Input is a few hundred bytes: the socket buffers it, so writing it all first cannot deadlock. A helper
        // may exit without reading it (git's docs show such one-liners): `send` then fails, without SIGPIPE.
        try? input.withUnsafeBytes { raw in
            try FileDescriptorIO.writeAll(toChild.parent, raw, sendFlags: Int32(MSG_NOSIGNAL), path: "/bin/sh")
        }
        close(toChild.parent)
        // At most about 1 MB of answer is kept; a read error ends the answer like its end does.
        let output = Data((try? FileDescriptorIO.readToEnd(fromChild.parent, limit: 1 << 20, path: "/bin/sh")) ?? [])
        close(fromChild.parent)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return Result(status: ChildSpawn.exitCode(status), output: output)
    }
}
