import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a finished child process left behind.
struct CommandResult: CustomStringConvertible, Sendable {
    let command: [String]
    let directory: String
    let status: Int32
    let stdout: String
    let stderr: String
    let duration: TimeInterval
    let timedOut: Bool

    /// Non-empty lines of stderr.
    var stderrLines: [String] {
        stderr.split(separator: "\n", omittingEmptySubsequences: true)
            .map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// stdout without surrounding white space.
    var out: String { stdout.trimmingCharacters(in: .whitespacesAndNewlines) }

    var description: String {
        let cmd = command.map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(separator: " ")
        var text = "$ \(cmd)   (in \(directory))\n"
        text += "exit status \(status)\(timedOut ? " (TIMED OUT, killed)" : ""), \(String(format: "%.2f", duration)) s\n"
        text += "--- stdout ---\n\(stdout.isEmpty ? "(empty)\n" : stdout)"
        if !stdout.isEmpty && !stdout.hasSuffix("\n") { text += "\n" }
        text += "--- stderr ---\n\(stderr.isEmpty ? "(empty)\n" : stderr)"
        return text
    }
}

enum ProcessRunner {
    /// Runs `executable` to completion. Output goes to files (no pipe can fill up and
    /// deadlock); stdin is the given text or /dev/null. After `timeout` seconds the child
    /// gets SIGTERM, then SIGKILL; the result says `timedOut`.
    static func run(
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
            CommandResult(command: command, directory: directory, status: -1, stdout: "",
                          stderr: "[harness] \(message)", duration: 0, timedOut: false)
        }
        let io: TemporaryFolder
        do { io = try TemporaryFolder(prefix: "baton-io") } catch {
            return failure("cannot create a folder for output: \(error)")
        }
        defer { io.remove() }
        let outPath = io.sub("stdout"), errPath = io.sub("stderr"), inPath = io.sub("stdin")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        guard let outHandle = FileHandle(forWritingAtPath: outPath),
              let errHandle = FileHandle(forWritingAtPath: errPath) else {
            return failure("cannot open output files")
        }
        let inHandle: FileHandle
        if let stdin {
            _ = FileManager.default.createFile(atPath: inPath, contents: Data(stdin.utf8))
            guard let h = FileHandle(forReadingAtPath: inPath) else { return failure("cannot open stdin file") }
            inHandle = h
        } else {
            inHandle = FileHandle.nullDevice
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory, isDirectory: true)
        process.environment = environment
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            try? outHandle.close(); try? errHandle.close()
            return failure("cannot start \(executable) in \(directory): \(error)")
        }
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            if finished.wait(timeout: .now() + 3) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
        }
        process.waitUntilExit()
        try? outHandle.close()
        try? errHandle.close()
        if stdin != nil { try? inHandle.close() }
        let stdout = Files.read(outPath) ?? ""
        let stderr = Files.read(errPath) ?? ""
        return CommandResult(
            command: command, directory: directory,
            status: timedOut ? -9 : process.terminationStatus,
            stdout: stdout, stderr: stderr,
            duration: Date().timeIntervalSince(started), timedOut: timedOut)
    }

    /// Finds `name` in `PATH` (or returns nil).
    static func which(_ name: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for dir in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) && !Files.isDirectory(candidate) {
                return candidate
            }
        }
        return nil
    }
}
