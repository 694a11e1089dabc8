import Foundation
import TestSupport
import Testing

/// Tests of the test harness itself, with the git CLI only (no baton needed).
@Suite("Harness", .serialized)
struct HarnessTests {
    @Test("ProcessRunner: large output, stdin, exit status, clean environment")
    func processRunner() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sandbox = try Sandbox.make(home: folder.sub("home"), tz: "Asia/Kolkata")
        let script = """
            head -c 300000 /dev/zero | tr '\\0' 'x'
            head -c 300000 /dev/zero | tr '\\0' 'y' >&2
            read line; echo "got:$line" >&2
            echo "home=$HOME tz=$TZ nocolor=$NO_COLOR editor=${EDITOR-unset} visual=${VISUAL-unset} nosys=$GIT_CONFIG_NOSYSTEM" >&2
            exit 3
            """
        let r = ProcessRunner.run(
            executable: "/bin/sh", arguments: ["-c", script], directory: folder.path,
            environment: sandbox.variables(), stdin: "hello\n", timeout: 30)
        #expect(r.status == 3)
        #expect(!r.timedOut)
        #expect(r.stdout.count == 300_000)
        #expect(r.stderr.contains("got:hello"))
        #expect(
            r.stderr.contains("home=\(folder.sub("home")) tz=Asia/Kolkata nocolor=1 editor=unset visual=unset nosys=1"))
    }

    @Test("ProcessRunner: a hanging child is killed at the time-out")
    func timeout() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sandbox = try Sandbox.make(home: folder.sub("home"))
        let start = Date()
        let r = ProcessRunner.run(
            executable: "/bin/sleep", arguments: ["30"], directory: folder.path,
            environment: sandbox.variables(), timeout: 1)
        #expect(r.timedOut)
        #expect(r.status != 0)
        // SIGTERM works (the child does not inherit the test thread's blocked signals).
        #expect(Date().timeIntervalSince(start) < 3)
    }

    #if os(Linux)
        @Test("Children start with no blocked signals")
        func signalMask() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let sandbox = try Sandbox.make(home: folder.sub("home"))
            let r = ProcessRunner.run(
                executable: "/bin/grep", arguments: ["-E", "^Sig(Blk|Ign)", "/proc/self/status"],
                directory: folder.path, environment: sandbox.variables(), timeout: 10)
            #expect(r.stdout.contains("SigBlk:\t0000000000000000"), "\(r)")
        }
    #endif

    @Test("TemporaryFolder is removed")
    func temporaryFolder() throws {
        var path = ""
        do {
            let folder = try TemporaryFolder()
            path = folder.path
            try Files.write("x", to: folder.sub("a/b.txt"))
            #expect(Files.exists(folder.sub("a/b.txt")))
        }
        #expect(!Files.exists(path))
    }

    @Test("BatonBinary: BATON_BIN wins, then a sibling of the test bundle")
    func locateBinary() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fake = folder.sub(".build/x86_64-unknown-linux-gnu/debug/baton")
        try Files.write("#!/bin/sh\necho fake\n", to: fake, executable: true)
        try folder.makeFolder(".build/x86_64-unknown-linux-gnu/debug/batonPackageTests.xctest/Contents/MacOS")
        let bundleExe = folder.sub(
            ".build/x86_64-unknown-linux-gnu/debug/batonPackageTests.xctest/Contents/MacOS/batonPackageTests")

        let fromEnv = BatonBinary.locate(
            environment: ["BATON_BIN": fake], arguments: [], bundlePaths: [],
            filePath: "/nonexistent/Tests/IntegrationTests/Support/X.swift")
        #expect((try? fromEnv.get()) == fake)

        let badEnv = BatonBinary.locate(
            environment: ["BATON_BIN": folder.sub("nope")], arguments: [bundleExe],
            bundlePaths: [], filePath: "/nonexistent/Tests/IntegrationTests/Support/X.swift")
        #expect((try? badEnv.get()) == nil)

        let fromBundle = BatonBinary.locate(
            environment: [:], arguments: ["/usr/bin/xctest", bundleExe],
            bundlePaths: [], filePath: "/nonexistent/Tests/IntegrationTests/Support/X.swift")
        #expect((try? fromBundle.get()) == fake)

        try Files.write("#!/bin/sh\n", to: folder.sub("pkg/.build/debug/baton"), executable: true)
        let fromFile = BatonBinary.locate(
            environment: [:], arguments: ["/nonexistent/x"], bundlePaths: [],
            filePath: folder.sub("pkg/Tests/IntegrationTests/Support/BatonBinary.swift"))
        #expect((try? fromFile.get()) == folder.sub("pkg/.build/debug/baton"))

        let none = BatonBinary.locate(
            environment: [:], arguments: ["/nonexistent/x"], bundlePaths: [],
            filePath: "/nonexistent/Tests/IntegrationTests/Support/X.swift")
        if case .failure(let error) = none {
            #expect(error.description.contains("BATON_BIN"))
        } else {
            Issue.record("found a binary where there is none")
        }
    }

    @Test("GitDaemon serves clone and push, stops, restarts on the same port, and a pre-receive hook rejects")
    func gitDaemon() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sandbox = try Sandbox.make(home: folder.sub("home"))
        let git = sandbox.git
        let served = try folder.makeFolder("served")
        try git.check(["init", "--bare", "--initial-branch=main", "\(served)/journal.git"], in: served)
        try git.check(["init", "--bare", "--initial-branch=main", "\(served)/locked.git"], in: served)
        try Files.write(
            "#!/bin/sh\necho 'pushes are closed' >&2\nexit 1\n",
            to: "\(served)/locked.git/hooks/pre-receive", executable: true)

        let daemon = try GitDaemon(basePath: served, sandbox: sandbox, logPath: folder.sub("daemon.log"))
        defer { daemon.stop() }
        let url = daemon.url(for: "journal")
        #expect(url == "git://127.0.0.1:\(daemon.port)/journal.git")
        #expect(daemon.isRunning)

        // Clone the empty repository, commit, push.
        try git.check(["clone", url, "one"], in: folder.path)
        let one = folder.sub("one")
        try Files.write("hello\n", to: "\(one)/a.txt")
        try git.check(["add", "a.txt"], in: one)
        try git.check(["commit", "-m", "first"], in: one)
        try git.check(["push", "origin", "HEAD"], in: one)

        // A second clone sees it.
        try git.check(["clone", url, "two"], in: folder.path)
        #expect(Files.read(folder.sub("two/a.txt")) == "hello\n")
        #expect(try git.check(["log", "--format=%s"], in: folder.sub("two")) == "first")
        #expect(git.run(["fsck", "--strict"], in: "\(served)/journal.git").status == 0)

        // Stopped: the remote can't be reached, and quickly.
        let port = daemon.port
        daemon.stop()
        #expect(!daemon.isRunning)
        #expect(!LocalPorts.accepts(port: port))
        let offline = git.run(["ls-remote", url], in: one, timeout: 20)
        #expect(offline.status != 0)
        #expect(offline.duration < 10)

        // Restarted on the same port: works again.
        try daemon.start()
        #expect(daemon.port == port)
        #expect(daemon.url(for: "journal.git") == url)
        let online = git.run(["ls-remote", url], in: one)
        #expect(online.status == 0, "\(online)")
        #expect(online.stdout.contains("refs/heads/main"))

        // A pre-receive hook that exits 1 rejects pushes.
        try git.check(["remote", "add", "locked", daemon.url(for: "locked")], in: one)
        let rejected = git.run(["push", "locked", "HEAD"], in: one)
        #expect(rejected.status != 0)
        #expect(
            rejected.stderr.contains("pre-receive hook declined") || rejected.stderr.contains("rejected"), "\(rejected)"
        )
    }

    @Test("Two daemons at once get different ports")
    func twoDaemons() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sandbox = try Sandbox.make(home: folder.sub("home"))
        let served = try folder.makeFolder("served")
        let a = try GitDaemon(basePath: served, sandbox: sandbox, logPath: folder.sub("a.log"))
        let b = try GitDaemon(basePath: served, sandbox: sandbox, logPath: folder.sub("b.log"))
        #expect(a.port != b.port)
        a.stop()
        b.stop()
        #expect(!LocalPorts.accepts(port: a.port))
        #expect(!LocalPorts.accepts(port: b.port))
    }

    @Test("Conflict marker scan finds markers and skips .git")
    func conflictScan() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Files.write("a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> theirs\n", to: folder.sub("tasks/x.md"))
        try Files.write("<<<<<<< HEAD\n", to: folder.sub(".git/ORIG"))
        try Files.write("a ======= b\n", to: folder.sub("notes/ok.md"))
        let found = Checks.conflictMarkers(in: folder.path)
        #expect(found.count == 3)
        #expect(found.allSatisfy { $0.hasPrefix("tasks/x.md:") })
    }
}
