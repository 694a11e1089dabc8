import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a finished child process left behind.
public struct CommandResult: CustomStringConvertible, Sendable {
    public let command: [String]
    public let directory: String
    public let status: Int32
    public let stdout: String
    public let stderr: String
    public let duration: TimeInterval
    public let timedOut: Bool

    public init(
        command: [String], directory: String, status: Int32, stdout: String, stderr: String,
        duration: TimeInterval, timedOut: Bool
    ) {
        (self.command, self.directory, self.status) = (command, directory, status)
        (self.stdout, self.stderr, self.duration, self.timedOut) = (stdout, stderr, duration, timedOut)
    }

    /// Non-empty lines of stderr.
    public var stderrLines: [String] {
        stderr.split(separator: "\n", omittingEmptySubsequences: true)
            .map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// stdout without surrounding white space.
    public var out: String { stdout.trimmingCharacters(in: .whitespacesAndNewlines) }

    public var description: String {
        let cmd = command.map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(separator: " ")
        var text = "$ \(cmd)   (in \(directory))\n"
        text +=
            "exit status \(status)\(timedOut ? " (TIMED OUT, killed)" : ""), \(String(format: "%.2f", duration)) s\n"
        text += "--- stdout ---\n\(stdout.isEmpty ? "(empty)\n" : stdout)"
        if !stdout.isEmpty && !stdout.hasSuffix("\n") { text += "\n" }
        text += "--- stderr ---\n\(stderr.isEmpty ? "(empty)\n" : stderr)"
        return text
    }
}

public enum ProcessRunner {
    /// Runs `executable` to completion. Output goes to files (no pipe can fill up and
    /// deadlock); stdin is the given text or /dev/null. After `timeout` seconds the child
    /// gets SIGTERM, then SIGKILL; the result says `timedOut`.
    public static func run(
        executable: String,
        arguments: [String],
        directory: String,
        environment: [String: String],
        stdin: String? = nil,
        timeout: TimeInterval = 60
    ) -> CommandResult {
        let command = [executable] + arguments
        let started = Date()
        func failure(_ message: String) -> CommandResult {
            CommandResult(
                command: command, directory: directory, status: -1, stdout: "",
                stderr: "[harness] \(message)", duration: 0, timedOut: false)
        }
        let io: TemporaryFolder
        do { io = try TemporaryFolder(prefix: "baton-io") } catch {
            return failure("cannot create a folder for output: \(error)")
        }
        defer { io.remove() }
        let outPath = io.sub("stdout")
        let errPath = io.sub("stderr")
        let inPath = io.sub("stdin")
        if let stdin {
            guard FileManager.default.createFile(atPath: inPath, contents: Data(stdin.utf8)) else {
                return failure("cannot write the stdin file")
            }
        }
        let child: ChildProcess
        do {
            child = try ChildProcess.spawn(
                executable: executable, arguments: arguments, directory: directory,
                environment: environment, stdinPath: stdin == nil ? nil : inPath,
                stdoutPath: outPath, stderrPath: errPath)
        } catch {
            return failure("cannot start \(executable) in \(directory): \(error)")
        }
        var timedOut = false
        var status: Int32
        if let s = child.wait(timeout: timeout) {
            status = s
        } else {
            timedOut = true
            child.stop(grace: 3)
            status = -9
        }
        let stdout = Files.read(outPath) ?? ""
        let stderr = Files.read(errPath) ?? ""
        return CommandResult(
            command: command, directory: directory,
            status: status,
            stdout: stdout, stderr: stderr,
            duration: Date().timeIntervalSince(started), timedOut: timedOut)
    }

    /// Finds `name` in `PATH` (or returns nil).
    public static func which(_ name: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for dir in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) && !Files.isDirectory(candidate) {
                return candidate
            }
        }
        return nil
    }
}
