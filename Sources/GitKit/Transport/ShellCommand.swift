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
    static func run(_ command: String, arguments: [String] = [], input: Data = Data(),
                    environment: [String: String] = [:]) -> Result? {
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
        input.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = send(toChild.parent, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { break }
                offset += written
            }
        }
        close(toChild.parent)
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fromChild.parent, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            output.append(contentsOf: buffer[0..<count])
            if output.count > 1 << 20 { break }
        }
        close(fromChild.parent)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return Result(status: ChildSpawn.exitCode(status), output: output)
    }
}
