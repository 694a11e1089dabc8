import Foundation
import TestSupport
import Testing

/// The relay hand-off and asks with a response window, across two clones.
@Suite("Hand-off and asks", .serialized)
struct HandOffAndAskTests {
    @Test("alice hands a task to bob with a note; bob finds it in his inbox and task list --mine")
    func handOff() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        // Due tomorrow, so it is "soon due" and belongs in bob's inbox whatever the window.
        let due = Day.fromToday(1)
        let id = try alice.addTask("Backfill orders table", ["--due", due])
        #expect(try alice.task(id).owner == "alice", "a new task belongs to its creator")
        try alice.ok(["task", "assign", id, "bob", "--force", "--note", "migrations done, backfill left"])
        #expect(try alice.task(id).owner == "bob")
        #expect(alice.git.subjects(alice.journal, ["-1"]).first?.hasPrefix("task \(id): ") == true)
        try alice.sync()

        try bob.sync()
        let task = try bob.task(id)
        #expect(task.owner == "bob")
        #expect(task.due == due)
        #expect(task.logs("assigned to bob", by: "alice"))
        #expect(task.logs("migrations done, backfill left", by: "alice"))

        let inbox = try bob.inbox()
        let mine = try #require(inbox.myTasks.first { $0.id == id }, "hand-off missing from bob's inbox my_tasks")
        #expect(mine.title == "Backfill orders table")
        let text = try bob.ok(["inbox"]).stdout
        #expect(text.contains(id) || text.contains("Backfill orders table"), "\(text)")

        #expect(try bob.taskList(["--mine"]).map(\.id) == [id])
        #expect(try bob.taskList(["--owner", "bob"]).map(\.id) == [id])
        #expect(try alice.taskList(["--mine"]).isEmpty)
        let listText = try bob.ok(["task", "list", "--mine"]).stdout
        #expect(listText.contains(id), "\(listText)")
        #expect(alice.read("tasks/\(id).md")?.contains("owner: bob") == true)
        team.expectHealthy()
    }

    @Test("a hand-off without a due date is in the new owner's inbox until they act on it")
    func handOffWithoutDueDate() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let id = try alice.addTask("Write the release notes")
        try alice.ok(["task", "assign", id, "bob", "--force", "--note", "draft is in the wiki"])
        try alice.sync()
        try bob.sync()
        let handoff = try #require(try bob.inbox().handoffs.first { $0.id == id }, "hand-off missing from bob's inbox")
        #expect(handoff.logs("draft is in the wiki", by: "alice"))
        let text = try bob.ok(["inbox"]).stdout
        #expect(text.contains("Handed to you") && text.contains("draft is in the wiki"), "\(text)")
        #expect(try alice.inbox().handoffs.isEmpty)
        try bob.ok(["task", "start", id])
        #expect(try bob.inbox().handoffs.isEmpty, "once bob acts on it, it is no longer new")
        team.expectHealthy()
    }

    @Test("ask with --within 24h: bob sees it with respond_by, replies --done, alice gets the answer")
    func askAndReply() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let before = Date()
        // Wall-clock hours: a working-time window would depend on the weekday the test runs.
        let id = try alice.ask("bob", "need the keys", ["--within", "24h", "--calendar"])
        let later = try alice.ask("bob", "and the staging password", ["--within", "2d", "--force"])
        #expect(alice.git.subjects(alice.journal).contains { $0.hasPrefix("ask \(id): alice asks bob") })
        try alice.sync()

        try bob.sync()
        let inbox = try bob.inbox()
        #expect(inbox.asksToMe.map(\.id) == [id, later], "asks_to_me must list the oldest respond_by first")
        let ask = try #require(inbox.asksToMe.first)
        #expect(ask.kind == "ask")
        #expect(ask.from == "alice")
        #expect(ask.to == "bob")
        #expect(ask.owner == "bob")
        #expect(ask.title.contains("need the keys") || (ask.description ?? "").contains("need the keys"))
        let respondBy = try #require(
            ask.respondBy.flatMap(Day.parseTimestamp), "respond_by must be an ISO 8601 timestamp")
        let window = respondBy.timeIntervalSince(before)
        #expect(window > 23 * 3600 && window < 25 * 3600, "respond_by is \(window / 3600) h away, expected 24 h")
        let textInbox = try bob.ok(["inbox"]).stdout
        #expect(textInbox.contains("need the keys"), "\(textInbox)")
        #expect(try alice.inbox().asksToMe.isEmpty)

        try bob.ok(["reply", id, "here", "--done"])
        let replied = try bob.task(id)
        #expect(replied.status == "done")
        #expect(replied.logs("here", by: "bob"))
        try bob.sync()

        try alice.sync()
        let answers = try alice.inbox().answers
        let answer = try #require(answers.first { $0.id == id }, "the reply is not in alice's answers")
        #expect(answer.logs("here", by: "bob"))
        #expect(!answers.contains { $0.id == later }, "an unanswered ask is not an answer")
        let aliceText = try alice.ok(["inbox"]).stdout
        #expect(aliceText.contains("here"), "\(aliceText)")
        // Bob's inbox no longer lists the done ask.
        #expect(try bob.inbox().asksToMe.map(\.id) == [later])
        team.expectHealthy()
    }

    @Test("a bad --within is a usage error (64)")
    func badWindow() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        let head = alice.git.head(alice.journal)
        // `--within=-24h`: a negative window given as the option's value (not a flag).
        for window in ["5x", "-24h", "soon", "24"] {
            let r = alice.baton(["ask", "bob", "keys?", "--within=\(window)"])
            Checks.expectCleanFailure(r, exitCode: 64)
        }
        Checks.expectUnchanged(alice, head: head)
    }
}
