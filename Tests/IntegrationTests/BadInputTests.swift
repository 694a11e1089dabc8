import Foundation
import TestSupport
import Testing

/// Wrong input: the documented exit code, one line on stderr saying what to do, no stack trace,
/// and nothing written (clean work tree, same HEAD).
@Suite("Bad input")
struct BadInputTests {
    @Test("unknown id exits 66")
    func unknownID() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        _ = try alice.addTask("Exists")
        let head = alice.git.head(alice.journal)
        for args in [
            ["task", "show", "zzzzzz"], ["task", "done", "zzzzzz"], ["task", "block", "zzzz", "--reason", "x"],
            ["task", "assign", "zzzzzz", "bob"], ["reply", "zzzzzz", "hi"],
        ] {
            let r = alice.baton(args)
            Checks.expectCleanFailure(r, exitCode: 66)
        }
        Checks.expectUnchanged(alice, head: head)
        Checks.expectHealthy(alice)
    }

    @Test("ambiguous prefix exits 67")
    func ambiguousPrefix() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        var byFirst: [Character: [String]] = [:]
        var shared: Character?
        for n in 0..<40 where shared == nil {
            let id = try alice.addTask("task \(n)")
            byFirst[id.first!, default: []].append(id)
            if byFirst[id.first!]!.count == 2 { shared = id.first! }
        }
        let prefix = String(try #require(shared, "40 tasks and no two share a first character?"))
        let head = alice.git.head(alice.journal)
        for args in [["task", "show", prefix], ["task", "done", prefix], ["task", "show", prefix, "--json"]] {
            let r = alice.baton(args)
            Checks.expectCleanFailure(r, exitCode: 67)
        }
        Checks.expectUnchanged(alice, head: head)
        Checks.expectHealthy(alice)
        // A longer, unique prefix works.
        let full = byFirst[Character(prefix)]![0]
        let unique = alice.baton(["task", "show", String(full.prefix(6)), "--json"])
        #expect(unique.status == 0, "\(unique)")
    }

    @Test("impossible date exits 64")
    func badDate() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        let id = try alice.addTask("Has no due")
        let head = alice.git.head(alice.journal)
        for args in [
            ["task", "add", "x", "--due", "2026-02-30"], ["task", "add", "x", "--due", "tomorrowish"],
            ["task", "add", "x", "--due", "2026-13-01"], ["note", "x", "--date", "2026-02-30"],
            ["standup", "--date", "2026-02-30"],
        ] {
            let r = alice.baton(args)
            Checks.expectCleanFailure(r, exitCode: 64)
        }
        Checks.expectUnchanged(alice, head: head)
        Checks.expectHealthy(alice)
        #expect(try alice.task(id).due == nil)
    }

    @Test("bad handle exits 64")
    func badHandle() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        let id = try alice.addTask("Somebody's")
        let head = alice.git.head(alice.journal)
        let tooLong = String(repeating: "a", count: 33)
        for args in [
            ["task", "add", "x", "--owner", "../etc"], ["task", "add", "x", "--owner", "Bob"],
            ["task", "add", "x", "--owner", "bo b"], ["task", "add", "x", "--owner", tooLong],
            ["task", "assign", id, "Bob"],
            ["task", "assign", id, "../etc"], ["ask", "../etc", "hi"], ["ask", "Bob", "hi"],
            ["task", "list", "--owner", "../etc"], ["standup", "--member", "Bob"],
        ] {
            let r = alice.baton(args)
            Checks.expectCleanFailure(r, exitCode: 64)
        }
        Checks.expectUnchanged(alice, head: head)
        Checks.expectHealthy(alice)
        #expect(!Files.exists(team.folder.sub("etc")))
        #expect(try alice.task(id).owner == "alice")
    }

    @Test("init with a bad handle exits 64 and creates nothing")
    func initBadHandle() throws {
        let team = try Team(remote: false)
        defer { team.shutdown() }
        let sandbox = try team.sandbox(for: "alice", machine: "alice")
        for handle in ["Alice", "../x", "a/b", ""] {
            let r = sandbox.baton(team.executable, ["init", "journal", "--me", handle], in: team.folder.path)
            Checks.expectCleanFailure(r, exitCode: 64)
            #expect(
                !Files.exists(team.folder.sub("journal"))
                    || Files.contents(ofFolder: team.folder.sub("journal")).isEmpty)
        }
    }

    @Test("id with / or .. exits 64")
    func idWithPath() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        _ = try alice.addTask("Exists")
        try Files.write("not a task\n", to: team.folder.sub("secret.md"))
        let head = alice.git.head(alice.journal)
        for id in ["../secret", "a/b", "..", "../../etc/passwd", "tasks/x"] {
            for args in [["task", "show", id], ["task", "done", id], ["reply", id, "x"]] {
                let r = alice.baton(args)
                Checks.expectCleanFailure(r, exitCode: 64)
            }
        }
        Checks.expectUnchanged(alice, head: head)
        Checks.expectHealthy(alice)
        #expect(Files.read(team.folder.sub("secret.md")) == "not a task\n")
    }

    @Test("broken front matter committed by hand: task show exits 65")
    func brokenFrontMatter() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        let broken = """
            ---
            id: brkn23
            title: [unclosed
            status: todo
            owner: alice

            No closing front matter line.
            """
        try Files.write(broken, to: alice.path("tasks/brkn23.md"))
        try alice.git.check(["add", "tasks/brkn23.md"], in: alice.journal)
        try alice.git.check(["commit", "-m", "broken by hand"], in: alice.journal)
        let head = alice.git.head(alice.journal)
        let r = alice.baton(["task", "show", "brkn23"])
        Checks.expectCleanFailure(r, exitCode: 65)
        #expect(r.stderr.contains("brkn23"), "the message should name the file: \(r.stderr)")
        let changing = alice.baton(["task", "done", "brkn23"])
        Checks.expectCleanFailure(changing, exitCode: 65)
        Checks.expectUnchanged(alice, head: head)
        Checks.expectHealthy(alice)
        #expect(alice.read("tasks/brkn23.md") == broken)
    }

    @Test("a folder that is no journal exits 78 and stays untouched")
    func notAJournal() throws {
        let team = try Team(remote: false)
        defer { team.shutdown() }
        let sandbox = try team.sandbox(for: "alice", machine: "alice")
        let plain = try team.folder.makeFolder("plain")
        try Files.write("hello\n", to: "\(plain)/readme.txt")
        for args in [
            ["task", "list"], ["note", "hello"], ["status"], ["sync"], ["inbox"], ["task", "add", "x"],
            ["-C", plain, "standup"],
        ] {
            let r = sandbox.baton(team.executable, args, in: plain)
            Checks.expectCleanFailure(r, exitCode: 78)
        }
        #expect(Files.contents(ofFolder: plain) == ["readme.txt"])
        let missing = sandbox.baton(team.executable, ["-C", team.folder.sub("nope"), "task", "list"], in: plain)
        #expect(missing.status != 0)
        #expect(!Files.exists(team.folder.sub("nope")))
    }

    @Test("init into a folder that is not empty exits 73")
    func initNonEmpty() throws {
        let team = try Team(remote: false)
        defer { team.shutdown() }
        let sandbox = try team.sandbox(for: "alice", machine: "alice")
        try Files.write("mine\n", to: team.folder.sub("full/keep.txt"))
        let r = sandbox.baton(team.executable, ["init", "full", "--me", "alice"], in: team.folder.path)
        Checks.expectCleanFailure(r, exitCode: 73)
        #expect(Files.contents(ofFolder: team.folder.sub("full")) == ["keep.txt"])
    }

    @Test("sync without a remote exits 78")
    func syncWithoutRemote() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        try alice.ok(["note", "local only"])
        let head = alice.git.head(alice.journal)
        let r = alice.baton(["sync"])
        Checks.expectCleanFailure(r, exitCode: 78)
        Checks.expectUnchanged(alice, head: head)
        Checks.expectHealthy(alice)
    }

    @Test("baton note without text and without $VISUAL/$EDITOR exits 78")
    func noEditor() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        let head = alice.git.head(alice.journal)
        let r = alice.baton(["note"])
        Checks.expectCleanFailure(r, exitCode: 78)
        Checks.expectUnchanged(alice, head: head)
        Checks.expectHealthy(alice)
        #expect(!Files.exists(alice.path(Person.notePath("alice", Day.today()))))
    }

    @Test("unknown flag and bad status filter exit 64")
    func usage() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        let head = alice.git.head(alice.journal)
        for args in [
            ["task", "list", "--bogus"], ["task", "list", "--status", "sleeping"], ["task", "block", "abc"],
            ["note", "--yesterday", "--blocker", "both"],
        ] {
            let r = alice.baton(args)
            #expect(r.status == 64, "\(r)")
            #expect(!Checks.stackTraceSigns.contains { r.stderr.contains($0) }, "\(r)")
        }
        Checks.expectUnchanged(alice, head: head)
        Checks.expectHealthy(alice)
    }

    @Test("push rejected by the remote exits 76 and keeps local commits")
    func pushRejected() throws {
        let team = try Team(remote: true, preReceiveHook: "#!/bin/sh\necho 'pushes are frozen' >&2\nexit 1\n")
        defer { team.shutdown() }
        let alice = try team.initJournal(handle: "alice", withRemote: true)
        try alice.ok(["note", "will not get through"])
        let head = alice.git.head(alice.journal)
        let count = alice.git.commitCount(alice.journal)
        let r = alice.baton(["sync"], timeout: 30)
        Checks.expectCleanFailure(r, exitCode: 76)
        Checks.expectUnchanged(alice, head: head)
        #expect(alice.git.commitCount(alice.journal) == count)
        let refs = team.witness.git.run(["for-each-ref"], in: team.bareRepo!).out
        #expect(refs.isEmpty, "the remote must have nothing: \(refs)")
        Checks.expectHealthy(alice)
    }
}
