import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The clone lock (`.git/baton.lock`): concurrent baton processes on one clone take turns, a lock left
/// by a killed process is taken over (with the git locks it left), and `sync --watch` shares the clone
/// with commands run meanwhile.
@Suite("Lock")
struct LockTests {
    /// Starts `args` in every given clone at once and waits for all.
    static func all(_ runs: [(Person, [String])], io: String) throws -> [CommandResult] {
        let started = try runs.map { try $0.0.spawn($0.1, ioFolder: io) }
        return started.map { $0.finish() }
    }

    static func expectLinear(_ person: Person, commits expected: Int, sourceLocation: SourceLocation = #_sourceLocation)
    {
        #expect(person.git.commitCount(person.journal) == expected, "commit count", sourceLocation: sourceLocation)
        let merges = person.git(["rev-list", "--min-parents=2", "HEAD"]).out
        #expect(merges.isEmpty, "a local write made a merge:\n\(merges)", sourceLocation: sourceLocation)
    }

    @Test("concurrent writers in one clone take turns: every change is committed, history stays linear")
    func concurrentWritersSerialize() throws {
        let (team, alice) = try Team.solo("alice")
        defer { team.shutdown() }
        let io = try team.folder.makeFolder("io")
        let task = try alice.addTask("shared task")
        let before = alice.git.commitCount(alice.journal)
        var runs: [(Person, [String])] = (0..<6).map { (alice, ["note", "parallel note p\($0)"]) }
        runs += (0..<2).map { (alice, ["task", "add", "parallel task q\($0)"]) }
        runs += (0..<2).map { (alice, ["task", "block", task, "--reason", "parallel reason r\($0)"]) }
        let results = try Self.all(runs, io: io)
        for r in results { #expect(r.status == 0, "a concurrent writer failed:\n\(r)") }
        Self.expectLinear(alice, commits: before + runs.count)
        let all = SyncSafety.snapshot(alice.journal).values.map { String(decoding: $0, as: UTF8.self) }.joined()
        for token in (0..<6).map({ "p\($0)" }) + (0..<2).map({ "q\($0)" }) + (0..<2).map({ "r\($0)" }) {
            #expect(
                all.contains("parallel note \(token)") || all.contains("parallel task \(token)")
                    || all.contains("parallel reason \(token)"), "\(token) was lost")
        }
        Checks.expectHealthy(alice)
        #expect(SyncSafety.leftoverLocks(gitDirectory: alice.gitDirectory).isEmpty)
    }

    @Test("a command waits while another process holds the lock, then runs")
    func waitsForHolder() throws {
        let (team, alice) = try Team.solo("alice")
        defer { team.shutdown() }
        let io = try team.folder.makeFolder("io")
        // Hold the lock as a live baton would: our pid and host in the file, and the file locked.
        let path = alice.gitDirectory + "/baton.lock"
        let fd = open(path, O_RDWR | O_CREAT, 0o644)
        try #require(fd >= 0)
        try #require(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let owner = "\(getpid()) \(ProcessInfo.processInfo.hostName)\n"
        _ = owner.withCString { write(fd, $0, strlen($0)) }
        let waiting = try alice.spawn(["note", "written after the wait"], ioFolder: io)
        usleep(700_000)
        #expect(waiting.child.poll() == nil, "the note did not wait for the lock:\n\(waiting.result(status: -1))")
        #expect(!(alice.read(Person.notePath("alice", Day.today())) ?? "").contains("written after the wait"))
        unlink(path)
        close(fd)
        let r = waiting.finish(timeout: 10)
        #expect(r.status == 0, "\(r)")
        #expect((alice.read(Person.notePath("alice", Day.today())) ?? "").contains("written after the wait"))
        Checks.expectHealthy(alice)
    }

    /// A pid that no longer runs: a child that has ended and been reaped.
    static func deadPID() throws -> pid_t {
        let child = try ChildProcess.spawn(
            executable: "/bin/sh", arguments: ["-c", "exit 0"], directory: "/",
            environment: [:], stdinPath: nil, stdoutPath: "/dev/null", stderrPath: "/dev/null")
        _ = child.wait()
        return child.pid
    }

    static func age(_ path: String, seconds: TimeInterval) throws {
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-seconds)], ofItemAtPath: path)
    }

    @Test("a lock left by a dead process is taken over, with the index and ref locks it left")
    func staleLockTakenOver() throws {
        let (team, alice) = try Team.solo("alice")
        defer { team.shutdown() }
        let head = alice.git.head(alice.journal)
        let git = alice.gitDirectory
        let dead = try Self.deadPID()
        try Files.write("\(dead) \(ProcessInfo.processInfo.hostName)\n", to: git + "/baton.lock")
        // What a baton killed while committing leaves: its object staging folder with an object not yet
        // flushed (here an empty file under an object's name), an old index lock and a fresh branch lock.
        let staging = git + "/objects/tmp_baton-\(dead)-5eed"
        try FileManager.default.createDirectory(atPath: staging + "/ab", withIntermediateDirectories: true)
        try Files.write("", to: staging + "/ab/" + String(repeating: "c", count: 38))
        try Files.write("", to: git + "/index.lock")
        try Self.age(git + "/index.lock", seconds: 30)
        try Files.write(head + "\n", to: git + "/refs/heads/main.lock")
        let r = alice.baton(["note", "after the crash"])
        #expect(r.status == 0, "\(r)")
        #expect(r.duration < 5, "took \(r.duration) s")
        #expect(SyncSafety.leftoverLocks(gitDirectory: git).isEmpty, "\(SyncSafety.leftoverLocks(gitDirectory: git))")
        #expect(alice.git.commitCount(alice.journal) == 2)
        #expect(!FileManager.default.fileExists(atPath: staging))
        #expect((alice.read(Person.notePath("alice", Day.today())) ?? "").contains("after the crash"))
        Checks.expectHealthy(alice)
    }

    @Test("a git lock that is not a dead baton's is left alone")
    func liveGitLockKept() throws {
        let (team, alice) = try Team.solo("alice")
        defer { team.shutdown() }
        // No stale baton lock: an index lock could be a git command running right now.
        try Files.write("", to: alice.gitDirectory + "/index.lock")
        let r = alice.baton(["note", "while git works"])
        #expect(Files.exists(alice.gitDirectory + "/index.lock"), "a live git lock was removed")
        // The commit does not need the index: the note is saved; the index catches up later.
        #expect(r.status == 0, "\(r)")
        unlink(alice.gitDirectory + "/index.lock")
        #expect(alice.baton(["note", "after git finished"]).status == 0)
        let note = alice.read(Person.notePath("alice", Day.today())) ?? ""
        #expect(note.contains("while git works") && note.contains("after git finished"))
        #expect(
            alice.git.show("HEAD", Person.notePath("alice", Day.today()), in: alice.journal)?.contains(
                "while git works") == true)
        Checks.expectHealthy(alice)
    }

    @Test("several processes taking over the same stale lock still take turns")
    func staleLockRace() throws {
        let (team, alice) = try Team.solo("alice")
        defer { team.shutdown() }
        let io = try team.folder.makeFolder("io")
        for round in 0..<3 {
            try Files.write(
                "\(try Self.deadPID()) \(ProcessInfo.processInfo.hostName)\n", to: alice.gitDirectory + "/baton.lock")
            let before = alice.git.commitCount(alice.journal)
            let results = try Self.all((0..<5).map { (alice, ["note", "racer r\(round)n\($0)"]) }, io: io)
            for r in results { #expect(r.status == 0, "\(r)") }
            Self.expectLinear(alice, commits: before + 5)
        }
        let note = alice.read(Person.notePath("alice", Day.today())) ?? ""
        for round in 0..<3 { for n in 0..<5 { #expect(note.contains("racer r\(round)n\(n)")) } }
        Checks.expectHealthy(alice)
        #expect(SyncSafety.leftoverLocks(gitDirectory: alice.gitDirectory).isEmpty)
    }

    @Test("sync --watch and notes on the same clone: no command is refused, everything reaches the remote")
    func watchAndNotes() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let io = try team.folder.makeFolder("io")
        let watch = try alice.spawn(["sync", "--watch", "--interval", "1s"], ioFolder: io)
        defer { watch.kill() }
        #expect(
            watch.waitForLine(timeout: 10) { $0.contains("synced:") } != nil,
            "no first sync:\n\(watch.result(status: -1))")
        for n in 0..<12 {
            let r = alice.baton(["note", "beside the watcher w\(n)"])
            #expect(r.status == 0, "\(r)")
            usleep(UInt32(50_000 * (n % 4)))
        }
        let delivered = SyncSafety.eventually(timeout: 15) {
            SyncSafety.remoteHead(team) == alice.git.head(alice.journal)
        }
        #expect(delivered, "the watcher did not deliver the notes:\n\(watch.result(status: -1))")
        watch.signal(SIGTERM)
        let r = watch.finish(timeout: 10)
        #expect(r.status == 0, "\(r)")
        #expect(!r.stdout.contains("sync failed"), "\(r)")
        try bob.sync()
        let note = bob.read(Person.notePath("alice", Day.today())) ?? ""
        for n in 0..<12 { #expect(note.contains("beside the watcher w\(n)")) }
        team.expectHealthy()
    }
}
