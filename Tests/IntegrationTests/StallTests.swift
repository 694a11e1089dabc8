import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A remote that accepts the connection and never answers: baton gives up after the no-progress limit
/// (BATON_TRANSFER_TIMEOUT, git config baton.transferTimeout) with exit 69 and keeps every local commit,
/// where the git CLI in the same setup is still waiting; `sync --watch` keeps going and delivers later.
@Suite("Stalled remotes")
struct StallTests {
    static let now = ["BATON_NOW": "2026-11-24T10:00:00Z"]
    static let day = "2026-11-24"
    static let limit = ["BATON_TRANSFER_TIMEOUT": "2"]

    private func env(_ extra: [String: String] = [:]) -> [String: String] {
        Self.now.merging(Self.limit) { $1 }.merging(extra) { $1 }
    }

    /// One line on stderr naming the wait and where, exit 69, long before a hang would be noticed.
    private func expectGaveUp(
        _ r: CommandResult, port: UInt16, seconds: String, within: TimeInterval = 10,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        Checks.expectCleanFailure(r, exitCode: 69, sourceLocation: sourceLocation)
        #expect(
            r.stderr.contains("no answer from 127.0.0.1:\(port) in \(seconds)"), "\(r)",
            sourceLocation: sourceLocation)
        #expect(r.stderr.contains("BATON_TRANSFER_TIMEOUT"), "\(r)", sourceLocation: sourceLocation)
        #expect(r.duration < within, "took \(r.duration) s:\n\(r)", sourceLocation: sourceLocation)
    }

    @Test(
        "sync gives up with 69 and keeps the note; git in the same setup still hangs; a later sync delivers",
        arguments: ["git", "http", "https"])
    func syncGivesUp(scheme: String) throws {
        let world = try TransportTeam()
        let stall = try StallServer()
        defer { stall.stop() }
        let alice = try world.person("alice")
        let url = stall.url(scheme: scheme)
        try world.initJournal(alice, url: url)
        try alice.ok(["note", "written before the stalled sync"], env: env())
        let before = alice.git.head(alice.journal)

        let r = alice.baton(["sync"], env: env(), timeout: 30)
        expectGaveUp(r, port: stall.port, seconds: "2 s")
        #expect(stall.connections >= 1, "baton never connected")
        #expect(r.stderr.contains("committed locally"), "\(r)")
        // The note is committed, and nothing was lost or left half-done.
        #expect(alice.git.head(alice.journal) == before)
        #expect(alice.git.porcelain(alice.journal).isEmpty)
        let committed = alice.git.show("HEAD", Person.notePath("alice", Self.day), in: alice.journal) ?? ""
        #expect(committed.contains("written before the stalled sync"), "\(committed)")

        // The git CLI, same HOME, same URL: still waiting well after baton gave up.
        let witness = ProcessRunner.run(
            executable: Git.executable, arguments: ["fetch", "origin"],
            directory: alice.journal, environment: alice.sandbox.variables(env()),
            timeout: 6)
        #expect(witness.timedOut, "git did not hang on the stalled remote:\n\(witness)")

        // Once a real server is there, the next sync delivers the note.
        stall.stop()
        let daemon = try GitDaemon(
            basePath: world.served, sandbox: world.team.witness,
            logPath: world.folder.sub("git-daemon.log"))
        defer { daemon.stop() }
        try alice.git.check(["remote", "set-url", "origin", daemon.url(for: "journal")], in: alice.journal)
        let later = alice.baton(["sync"], env: env())
        #expect(later.status == 0, "\(later)")
        let delivered = world.team.witness.git.show("main", Person.notePath("alice", Self.day), in: world.bareRepo)
        #expect(delivered?.contains("written before the stalled sync") == true, "not delivered:\n\(later)")
    }

    @Test("a remote whose connect never completes: 69 within the limit, naming the connect")
    func connectGivesUp() throws {
        let world = try TransportTeam()
        let stall = try StallServer(accepting: false)
        defer { stall.stop() }
        let alice = try world.person("alice")
        try world.initJournal(alice, url: stall.url(scheme: "git"))
        try alice.ok(["note", "written before the stalled connect"], env: env())
        let r = alice.baton(["sync"], env: env(), timeout: 30)
        Checks.expectCleanFailure(r, exitCode: 69)
        #expect(r.stderr.contains("could not connect to 127.0.0.1:\(stall.port) in 2 s"), "\(r)")
        #expect(r.duration < 10, "took \(r.duration) s:\n\(r)")
        #expect(alice.git.porcelain(alice.journal).isEmpty)
    }

    /// With libssh2 (the fallback where no ssh program is on PATH; it waits on the socket itself) the stream's
    /// watchdog ends the wait; a transport that runs the system `ssh` must keep the same limit, so only the
    /// outcome is checked for that one.
    @Test("ssh gives up on a stalled server with 69 too, the note kept", arguments: [true, false])
    func sshGivesUp(withoutSSHProgram: Bool) throws {
        let world = try TransportTeam()
        let stall = try StallServer()
        defer { stall.stop() }
        let alice = try world.person("alice")
        try world.initJournal(alice, url: "ssh://git@127.0.0.1:\(stall.port)/journal.git")
        try alice.ok(["note", "written before the stalled ssh sync"], env: env())
        let before = alice.git.head(alice.journal)
        let noPrograms = try world.folder.makeFolder("empty-bin")
        // The system ssh reads ~/.ssh from the passwd entry: give it the sandbox's, never the machine's.
        let runner =
            withoutSSHProgram
            ? alice
            : try PrivateSSHHome(home: alice.sandbox.home, folder: world.folder.sub("private-ssh")).person(alice)
        let r = runner.baton(["sync"], env: env(withoutSSHProgram ? ["PATH": noPrograms] : [:]), timeout: 30)
        Checks.expectCleanFailure(r, exitCode: 69)
        #expect(r.duration < 10, "took \(r.duration) s:\n\(r)")
        if withoutSSHProgram {
            #expect(r.stderr.contains("no answer from 127.0.0.1:\(stall.port) in 2 s"), "\(r)")
        }
        #expect(alice.git.head(alice.journal) == before && alice.git.porcelain(alice.journal).isEmpty)
        #expect(stall.connections >= 1)
    }

    @Test("a server that resets the connection in the middle of a push: exit 69 with one line, never SIGPIPE")
    func resetDuringPush() throws {
        let world = try TransportTeam()
        let daemon = try GitDaemon(
            basePath: world.served, sandbox: world.team.witness,
            logPath: world.folder.sub("git-daemon.log"))
        defer { daemon.stop() }
        let relay = try TCPRelay(
            upstreamPort: daemon.port, cutAfter: 256 * 1024, folder: world.folder.path,
            sandbox: world.team.witness)
        defer { relay.stop() }
        let alice = try world.person("alice")
        try world.initJournal(alice, url: "git://127.0.0.1:\(relay.port)/journal.git")
        try alice.ok(["sync"], env: env())

        // 8 MB that do not compress: the push is still writing when the connection is reset.
        var generator = SystemRandomNumberGenerator()
        let noise = Data((0..<(8 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try FileManager.default.createDirectory(atPath: alice.path("files"), withIntermediateDirectories: true)
        try noise.write(to: URL(fileURLWithPath: alice.path("files/noise.bin")))
        try alice.git.check(["add", "files/noise.bin"], in: alice.journal)
        try alice.git.check(
            ["commit", "-qm", "a large file"], in: alice.journal,
            env: Git.dated("2026-11-24T10:00:00Z"))
        let before = alice.git.head(alice.journal)

        let r = alice.baton(["sync"], env: env(), timeout: 60)
        #expect(r.status != 128 + SIGPIPE, "baton was killed by SIGPIPE:\n\(r)")
        Checks.expectCleanFailure(r, exitCode: 69)
        #expect(relay.cuts >= 1, "the relay never cut a connection: \(Files.read(relay.logPath) ?? "")")
        #expect(alice.git.head(alice.journal) == before)
        #expect(!world.remoteSubjects.contains("a large file"))
    }

    @Test("a slow server that keeps sending is no stall: a clone longer than the limit completes")
    func slowIsNotStalled() throws {
        let world = try TransportTeam()
        let daemon = try GitDaemon(
            basePath: world.served, sandbox: world.team.witness,
            logPath: world.folder.sub("git-daemon.log"))
        defer { daemon.stop() }
        let alice = try world.person("alice")
        try world.initJournal(alice, url: daemon.url(for: "journal"))
        for n in 1...20 { _ = try alice.addTask("Task number \(n) with a title long enough to fill the pack") }
        try alice.ok(["sync"], env: env())

        // 1 KB every 0.25 s: the clone takes several seconds, never a full second without a byte.
        let relay = try TCPRelay(
            upstreamPort: daemon.port, trickle: (bytes: 1024, pause: 0.25),
            folder: world.folder.path, sandbox: world.team.witness)
        defer { relay.stop() }
        let bob = try world.person("bob")
        let r = bob.baton(
            ["clone", "git://127.0.0.1:\(relay.port)/journal.git", "bob", "--me", "bob"],
            in: world.folder.path, env: env(["BATON_TRANSFER_TIMEOUT": "1"]))
        #expect(r.status == 0, "\(r)")
        #expect(r.duration > 2, "the relay did not slow the clone down (\(r.duration) s), so this proves nothing")
        #expect(try bob.taskList().count == 20)
    }

    @Test("clone of a stalled remote exits 69 and leaves no folder", arguments: ["git", "https"])
    func cloneGivesUp(scheme: String) throws {
        let world = try TransportTeam()
        let stall = try StallServer()
        defer { stall.stop() }
        let bob = try world.person("bob")
        let r = bob.baton(
            ["clone", stall.url(scheme: scheme), "bob", "--me", "bob"], in: world.folder.path, env: env(),
            timeout: 30)
        expectGaveUp(r, port: stall.port, seconds: "2 s")
        #expect(r.stderr.contains("nothing was cloned"), "\(r)")
        #expect(!Files.exists(bob.journal), "clone left \(bob.journal): \(Files.contents(ofFolder: bob.journal))")
    }

    @Test("git config baton.transferTimeout sets the limit; BATON_TRANSFER_TIMEOUT wins over it")
    func configuredLimit() throws {
        let world = try TransportTeam()
        let stall = try StallServer()
        defer { stall.stop() }
        let alice = try world.person("alice")
        try world.initJournal(alice, url: stall.url(scheme: "git"))
        try alice.git.check(["config", "baton.transferTimeout", "1"], in: alice.journal)
        let fromConfig = alice.baton(["sync"], env: Self.now, timeout: 30)
        expectGaveUp(fromConfig, port: stall.port, seconds: "1 s", within: 8)

        try alice.git.check(["config", "baton.transferTimeout", "300"], in: alice.journal)
        let fromEnvironment = alice.baton(["sync"], env: env(["BATON_TRANSFER_TIMEOUT": "1.5"]), timeout: 30)
        expectGaveUp(fromEnvironment, port: stall.port, seconds: "1.5 s", within: 8)
    }

    @Test("sync --watch keeps running after a stalled sync, tries again, and delivers once the remote answers")
    func watchRetries() throws {
        let world = try TransportTeam()
        let stall = try StallServer()
        defer { stall.stop() }
        let alice = try world.person("alice")
        try world.initJournal(alice, url: stall.url(scheme: "git"))
        try alice.ok(["note", "queued behind a stalled remote"], env: Self.now)
        let io = try world.folder.makeFolder("io")
        let watch = try alice.spawn(
            ["sync", "--watch", "--interval", "4s"],
            env: env(["BATON_TRANSFER_TIMEOUT": "1"]), ioFolder: io)
        defer { watch.kill() }

        let tries = SyncSafety.eventually(timeout: 15) {
            watch.lines.filter { $0.contains("sync failed") }.count >= 2
        }
        #expect(tries, "the watcher did not try again:\n\(watch.result(status: -1))")
        #expect(watch.child.isRunning, "the watcher stopped:\n\(watch.result(status: -1))")
        #expect(stall.connections >= 2)
        #expect(
            watch.lines.contains { $0.contains("sync failed: cannot reach") && $0.contains("no answer from") },
            "\(watch.result(status: -1))")

        let daemon = try GitDaemon(
            basePath: world.served, sandbox: world.team.witness,
            logPath: world.folder.sub("git-daemon.log"))
        defer { daemon.stop() }
        try alice.git.check(["remote", "set-url", "origin", daemon.url(for: "journal")], in: alice.journal)
        let delivered = SyncSafety.eventually(timeout: 15) {
            world.team.witness.git.show("main", Person.notePath("alice", Self.day), in: world.bareRepo) != nil
        }
        #expect(delivered, "queued work not delivered:\n\(watch.result(status: -1))")

        watch.signal(SIGTERM)
        let r = watch.finish(timeout: 10)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.hasSuffix("stopped\n"), "\(r)")
    }

    @Test("With the deadline in place git:// and smart HTTP still round-trip, and TLS runs over it to the end")
    func normalTransfersStillWork() throws {
        let world = try TransportTeam()
        let daemon = try GitDaemon(
            basePath: world.served, sandbox: world.team.witness,
            logPath: world.folder.sub("git-daemon.log"))
        defer { daemon.stop() }
        let alice = try world.person("alice")
        let bob = try world.person("bob")
        try world.initJournal(alice, url: daemon.url(for: "journal"))
        try alice.ok(["note", "over git://"], env: env())
        try alice.ok(["sync"], env: env())
        let cloned = world.clone(bob, url: daemon.url(for: "journal"), env: env())
        try #require(cloned.status == 0, "\(cloned)")
        #expect((bob.read(Person.notePath("alice", Self.day)) ?? "").contains("over git://"))

        // Smart HTTP (the stream under libgit2's HTTP client), a push and a fetch.
        let http = try HTTPGitServer(
            projectRoot: world.served, user: "alice", token: "tok-stall-1",
            folder: world.folder.path, sandbox: world.team.witness)
        defer { http.stop() }
        let token = ["BATON_TOKEN": "tok-stall-1", "BATON_TOKEN_USER": "alice"]
        try bob.git.check(["remote", "set-url", "origin", http.url(for: "journal")], in: bob.journal)
        try bob.ok(["note", "over http://"], env: env(token))
        try bob.ok(["sync"], env: env(token))
        try alice.ok(["sync"], env: env())
        #expect((alice.read(Person.notePath("bob", Self.day)) ?? "").contains("over http://"))

        // HTTPS: the handshake runs over the stream until the certificate is checked (the test CA is not
        // trusted by baton here), which is a refusal, not a time-out.
        let authority = try TestCertificateAuthority(folder: world.folder.sub("ca"))
        let tls = try TLSGitServer(
            projectRoot: world.served, user: "alice", token: "tok-stall-1",
            authority: authority, folder: world.folder.sub("nginx"),
            sandbox: world.team.witness)
        defer { tls.stop() }
        let refused = world.clone(try world.person("carol"), url: tls.url(for: "journal"), env: env(token))
        #expect(refused.status == 77, "\(refused)\n\(tls.logs)")
        #expect(refused.stderr.lowercased().contains("certificate"), "\(refused)")
        #expect(!refused.stderr.contains("no answer from"), "\(refused)")
        try world.team.witness.git.check(["fsck", "--strict"], in: world.bareRepo)
    }
}
