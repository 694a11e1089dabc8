import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Shared pieces of the sync-safety tests (Convergence, Crash, Lock, Watch, RaceAndRewrite).

enum TestEnvironment {
    /// An integer from the environment, or `fallback`.
    static func int(_ name: String, default fallback: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? fallback
    }

    /// A seed from the environment (decimal or 0x-hex), or `fallback`.
    static func seed(_ name: String, default fallback: UInt64) -> UInt64 {
        guard let raw = ProcessInfo.processInfo.environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty
        else { return fallback }
        if raw == "random" { return UInt64.random(in: 1...UInt64.max) }
        if raw.hasPrefix("0x") { return UInt64(raw.dropFirst(2), radix: 16) ?? fallback }
        return UInt64(raw) ?? fallback
    }
}

private func sendSignal(_ pid: pid_t, _ sig: Int32) { _ = kill(pid, sig) }

/// A baton process running in the background (started with `posix_spawn`, so it gets default
/// signal handling), for races, watchers and kills.
final class BackgroundBaton: @unchecked Sendable {
    let child: ChildProcess
    let command: [String]
    let directory: String
    let stdoutPath: String
    let stderrPath: String
    let started = Date()
    private(set) var killed = false

    private static let counter = NSLock()
    nonisolated(unsafe) private static var next = 0

    init(_ person: Person, _ args: [String], env: [String: String] = [:], ioFolder: String) throws {
        let n = Self.counter.withLock { () -> Int in
            Self.next += 1
            return Self.next
        }
        try FileManager.default.createDirectory(atPath: ioFolder, withIntermediateDirectories: true)
        stdoutPath = "\(ioFolder)/bg-\(n).out"
        stderrPath = "\(ioFolder)/bg-\(n).err"
        command = [person.executable] + args
        directory = person.journal
        child = try ChildProcess.spawn(
            executable: person.executable, arguments: args, directory: person.journal,
            environment: person.sandbox.variables(env), stdinPath: nil, stdoutPath: stdoutPath, stderrPath: stderrPath)
    }

    var stdout: String { Files.read(stdoutPath) ?? "" }
    var stderr: String { Files.read(stderrPath) ?? "" }

    /// Lines of stdout so far.
    var lines: [String] { stdout.split(separator: "\n").map(String.init) }

    /// Sends SIGKILL unless it already ended, and reaps it. Returns the exit status (137 when killed).
    @discardableResult
    func kill() -> Int32 {
        if child.poll() == nil {
            sendSignal(child.pid, SIGKILL)
            killed = true
        }
        let status = child.wait() ?? -1
        if status != 128 + SIGKILL { killed = false }
        return status
    }

    func signal(_ sig: Int32) { sendSignal(child.pid, sig) }

    /// Waits for the end (SIGKILL after `timeout`) and returns what it did.
    func finish(timeout: TimeInterval = 60) -> CommandResult {
        var status = child.wait(timeout: timeout)
        let timedOut = status == nil
        if timedOut { status = child.stop(grace: 2) }
        return result(status: status ?? -1, timedOut: timedOut)
    }

    func result(status: Int32, timedOut: Bool = false) -> CommandResult {
        CommandResult(
            command: command, directory: directory, status: status, stdout: stdout, stderr: stderr,
            duration: Date().timeIntervalSince(started), timedOut: timedOut)
    }

    /// Polls stdout until a line satisfies `match` or `timeout` passes.
    @discardableResult
    func waitForLine(timeout: TimeInterval, _ match: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let line = lines.first(where: match) { return line }
            if child.poll() != nil { return lines.first(where: match) }
            usleep(20_000)
        }
        return nil
    }
}

extension Person {
    /// Starts `baton args` in this clone without waiting.
    func spawn(_ args: [String], env: [String: String] = [:], ioFolder: String) throws -> BackgroundBaton {
        try BackgroundBaton(self, args, env: env, ioFolder: ioFolder)
    }

    var gitDirectory: String { journal + "/.git" }
}

/// A text a clone reported as saved, and where it must still be found.
struct SavedText: Sendable, CustomStringConvertible {
    /// A unique token inside the text.
    let token: String
    /// The file that must contain it (`tasks/<id>.md`), or a folder prefix (`notes/`) some file of which must.
    let place: String
    /// How it was saved, for failure messages.
    let origin: String

    var description: String { "\(token) in \(place) (\(origin))" }
}

/// Every text any clone reported saved; checks they are all still in a clone's files.
struct SavedTextOracle {
    private(set) var texts: [SavedText] = []

    mutating func record(_ token: String, in place: String, origin: String) {
        texts.append(SavedText(token: token, place: place, origin: origin))
    }

    mutating func record(_ more: [SavedText]) { texts += more }

    /// Texts not found in the work tree at `root`.
    func missing(in root: String) -> [SavedText] {
        var cache: [String: String] = [:]
        func content(_ relative: String) -> String {
            if let text = cache[relative] { return text }
            let text = Files.read(root + "/" + relative) ?? ""
            cache[relative] = text
            return text
        }
        var folderText: [String: String] = [:]
        func all(under folder: String) -> String {
            if let text = folderText[folder] { return text }
            let text = Files.workTreeFiles(root).filter { $0.hasPrefix(folder) }.map(content).joined(separator: "\n")
            folderText[folder] = text
            return text
        }
        return texts.filter { saved in
            let haystack = saved.place.hasSuffix("/") ? all(under: saved.place) : content(saved.place)
            return !haystack.contains(saved.token)
        }
    }
}

enum SyncSafety {
    /// `.lock` files under a `.git` folder (objects excluded), relative to it.
    static func leftoverLocks(gitDirectory: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: gitDirectory) else { return [] }
        var found: [String] = []
        while let rel = walker.nextObject() as? String {
            if rel == "objects" {
                walker.skipDescendants()
                continue
            }
            if rel.hasSuffix(".lock") { found.append(rel) }
        }
        return found.sorted()
    }

    /// Temporary files of interrupted atomic writes (`.<name>.baton-<pid>.tmp`) in the work tree.
    static func leftoverTemporaryFiles(_ root: String) -> [String] {
        Files.workTreeFiles(root).filter {
            let name = ($0 as NSString).lastPathComponent
            return name.hasPrefix(".") && name.contains(".baton-") && name.hasSuffix(".tmp")
        }
    }

    /// Every work-tree file (outside `.git`) and its bytes.
    static func snapshot(_ root: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for rel in Files.workTreeFiles(root) {
            files[rel] = FileManager.default.contents(atPath: root + "/" + rel) ?? Data()
        }
        return files
    }

    /// Paths whose bytes differ between two snapshots (or exist in one only).
    static func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }

    /// `git fsck --strict` output when it fails, else nil.
    static func fsckProblem(_ git: Git, _ dir: String) -> String? {
        let r = git.run(["fsck", "--strict", "--no-progress"], in: dir)
        return r.status == 0 ? nil : r.description
    }

    /// The `main` commit of the bare repository.
    static func remoteHead(_ team: Team) -> String {
        guard let bare = team.bareRepo else { return "" }
        return team.witness.git.run(["rev-parse", "--verify", "-q", "refs/heads/main"], in: bare).out
    }

    /// A URL on 127.0.0.1 where nothing listens: the clone is "offline" while its origin points there.
    static func closedURL() throws -> String {
        "git://127.0.0.1:\(try LocalPorts.freePort())/journal.git"
    }

    /// Polls `condition` every 50 ms until it holds or `timeout` passes.
    @discardableResult
    static func eventually(timeout: TimeInterval, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    /// Syncs every clone in turn until all of them and the remote have the same commit and a whole
    /// round changed nothing. Returns failed sync results (empty when all went well).
    static func converge(_ team: Team, people: [Person], maxRounds: Int = 8) -> [CommandResult] {
        var failures: [CommandResult] = []
        for _ in 0..<maxRounds {
            let before = people.map { $0.git.head($0.journal) }
            for person in people {
                let r = person.baton(["sync"])
                if r.status != 0 { failures.append(r) }
            }
            let after = people.map { $0.git.head($0.journal) }
            if before == after, Set(after).count == 1, after.first == remoteHead(team) { break }
        }
        return failures
    }

    /// The description lines of a task file (between the front matter and `## Log`) with their indexes.
    static func descriptionLines(_ text: String) -> (lines: [String], candidates: [Int], logIndex: Int)? {
        let lines = text.components(separatedBy: "\n")
        guard lines.first == "---", let close = lines.dropFirst().firstIndex(of: "---"),
            let log = lines.lastIndex(of: "## Log"), log > close
        else { return nil }
        let candidates = ((close + 1)..<log).filter { !lines[$0].trimmingCharacters(in: .whitespaces).isEmpty }
        return (lines, candidates, log)
    }

    /// A task file with `token` appended to its `choice`-th description line, or a new description
    /// line `desc <token>` when it has none or `choice` is negative. Nil when the file is not a task.
    static func editDescription(_ text: String, token: String, words: String, choice: Int) -> String? {
        guard let parsed = descriptionLines(text) else { return nil }
        var (lines, candidates, log) = parsed
        if candidates.isEmpty || choice < 0 {
            if log > 0, !lines[log - 1].isEmpty {
                lines.insert("", at: log)
                log += 1
            }
            lines.insert(contentsOf: ["\(words) \(token)", ""], at: log)
        } else {
            let index = candidates[choice % candidates.count]
            lines[index] += " \(words) \(token)"
        }
        return lines.joined(separator: "\n")
    }

    /// The task ids whose files are in a clone's work tree.
    static func taskIDs(_ person: Person) -> [String] {
        Files.contents(ofFolder: person.path("tasks")).filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
            .map { String($0.dropLast(3)) }
    }

    /// The note files in a clone's work tree, relative.
    static func noteFiles(_ person: Person) -> [String] {
        Files.workTreeFiles(person.journal).filter { $0.hasPrefix("notes/") && $0.hasSuffix(".md") }
    }
}
