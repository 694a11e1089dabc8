import Foundation
import TestSupport
import Testing

/// init + clone + sync over a real git remote (git daemon), with two and three clones.
@Suite("Round trip through a remote", .serialized)
struct RoundTripTests {
    @Test("init --remote + sync, clone: notes and tasks flow both ways between two clones")
    func twoClones() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let day = Day.today()

        // The identity is in each clone's local git config.
        #expect(alice.git(["config", "--local", "baton.me"]).out == "alice")
        #expect(bob.git(["config", "--local", "baton.me"]).out == "bob")
        // bob's clone tracks the same remote.
        #expect(bob.git(["remote", "get-url", "origin"]).out == team.remoteURL)

        try alice.ok(["note", "reviewed the migration PR"])
        let taskID = try alice.addTask("Backfill orders table", ["--owner", "bob", "--force", "--tag", "db"])
        try alice.sync()

        try bob.sync()
        let aliceNote = Person.notePath("alice", day)
        let noteAtBob = try #require(bob.read(aliceNote), "alice's note did not reach bob")
        #expect(noteAtBob.contains("reviewed the migration PR"))
        #expect(noteAtBob == alice.read(aliceNote), "the note differs between clones")
        #expect(bob.read("tasks/\(taskID).md") == alice.read("tasks/\(taskID).md"))
        let task = try bob.task(taskID)
        #expect(task.id == taskID)
        #expect(task.kind == "task")
        #expect(task.title == "Backfill orders table")
        #expect(task.owner == "bob")
        #expect(task.tags == ["db"])
        #expect(task.status == "todo")

        // And back: bob writes, alice reads.
        try bob.ok(["note", "backfill script for orders"])
        try bob.ok(["task", "start", taskID, "--note", "on it"])
        try bob.sync()
        try alice.sync()
        #expect(alice.read(Person.notePath("bob", day))?.contains("backfill script for orders") == true)
        let started = try alice.task(taskID)
        #expect(started.status == "doing")
        #expect(started.logs("on it", by: "bob"))

        let standup = try alice.ok(["standup"]).stdout
        #expect(standup.contains("alice") && standup.contains("reviewed the migration PR"), "\(standup)")
        #expect(standup.contains("bob") && standup.contains("backfill script for orders"), "\(standup)")

        // The remote has every commit of both, in a history git itself accepts.
        let remoteHead = team.witness.git.run(["rev-parse", "refs/heads/main"], in: team.bareRepo!).out
        #expect(remoteHead == alice.git.head(alice.journal))
        #expect(alice.git.head(alice.journal) == bob.git.head(bob.journal))
        team.expectHealthy()
    }

    @Test("three clones: notes, tasks and asks of everyone reach everyone")
    func threeClones() throws {
        let team = try Team(["alice", "bob", "carol"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let carol = team["carol"]
        let day = Day.today()

        try alice.ok(["note", "alice was here"])
        try bob.ok(["note", "bob was here"])
        try carol.ok(["note", "carol was here"])
        let t1 = try alice.addTask("Alice's task for bob", ["--owner", "bob", "--force"])
        let t2 = try bob.addTask("Bob's own task")
        let a1 = try carol.ask("alice", "which staging db?", ["--within", "2d", "--force"])

        // Everyone syncs in turn, twice round: each later sync has to merge.
        for _ in 0..<2 {
            for person in [alice, bob, carol] { try person.sync() }
        }

        for person in [alice, bob, carol] {
            for writer in ["alice", "bob", "carol"] {
                let note = person.read(Person.notePath(writer, day))
                #expect(note?.contains("\(writer) was here") == true, "\(writer)'s note at \(person.handle)")
            }
            #expect(try person.task(t1).owner == "bob")
            #expect(try person.task(t2).title == "Bob's own task")
            let ask = try person.task(a1)
            #expect(ask.kind == "ask")
            #expect(ask.from == "carol" && ask.to == "alice")
            let ids = Set(try person.taskList().map(\.id))
            #expect(ids.isSuperset(of: [t1, t2]), "task list at \(person.handle): \(ids)")
            let standup = try person.ok(["standup", "--date", day]).stdout
            for writer in ["alice", "bob", "carol"] {
                #expect(
                    standup.contains(writer) && standup.contains("\(writer) was here"),
                    "standup at \(person.handle):\n\(standup)")
            }
        }
        // All three clones end on the same commit.
        let heads = Set([alice, bob, carol].map { $0.git.head($0.journal) })
        #expect(heads.count == 1)
        // Alice sees carol's ask in her inbox.
        let inbox = try alice.inbox()
        #expect(inbox.asksToMe.map(\.id).contains(a1))
        team.expectHealthy()
    }

    @Test("clone into a folder that is not empty exits 73 and leaves it alone")
    func cloneIntoNonEmpty() throws {
        let team = try Team(["alice"])
        defer { team.shutdown() }
        let sandbox = try team.sandbox(for: "bob", machine: "bob")
        try Files.write("mine\n", to: team.folder.sub("bob/keep.txt"))
        let r = sandbox.baton(team.executable, ["clone", team.remoteURL!, "bob", "--me", "bob"], in: team.folder.path)
        Checks.expectCleanFailure(r, exitCode: 73)
        #expect(Files.contents(ofFolder: team.folder.sub("bob")) == ["keep.txt"])
        #expect(Files.read(team.folder.sub("bob/keep.txt")) == "mine\n")
    }

    @Test("-C PATH works from anywhere; a journal is found from a subfolder")
    func journalLocation() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        try alice.ok(["note", "first"])
        let id = try alice.addTask("Somewhere")
        let elsewhere = try team.folder.makeFolder("elsewhere")
        let viaC = alice.baton(["-C", alice.journal, "task", "show", id, "--json"], in: elsewhere)
        #expect(viaC.status == 0, "\(viaC)")
        #expect(try Checks.decodeTask(viaC.stdout).id == id)
        let fromSub = alice.baton(["task", "show", id, "--json"], in: alice.path("tasks"))
        #expect(fromSub.status == 0, "\(fromSub)")
        #expect(Files.contents(ofFolder: elsewhere).isEmpty)
        Checks.expectHealthy(alice)
    }
}
