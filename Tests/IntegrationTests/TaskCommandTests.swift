import Foundation
import TestSupport
import Testing

/// Task commands on one clone: output shape, JSON, filters.
@Suite("Task commands")
struct TaskCommandTests {
    @Test("task add prints only the id; the file and JSON follow the format")
    func addAndShow() throws {
        let (team, alice) = try Team.solo(tz: "Asia/Kolkata")
        defer { team.shutdown() }
        let r = try alice.ok([
            "task", "add", "Backfill orders table", "--due", "2026-11-28", "--tag", "db", "--tag", "migration",
        ])
        let id = try Checks.requireID(r)
        let file = try #require(alice.read("tasks/\(id).md"), "tasks/\(id).md missing")
        #expect(file.hasPrefix("---\n"))
        #expect(file.contains("id: \(id)\n"))
        #expect(file.contains("title: Backfill orders table\n"))
        #expect(file.contains("status: todo\n"))
        #expect(file.contains("due: 2026-11-28\n"))
        #expect(file.contains("## Log\n"))
        #expect(
            file.range(
                of: #"\n- \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:30 alice: created"#, options: .regularExpression)
                != nil,
            "log line with the author's offset:\n\(file)")

        let task = try alice.task(id)
        #expect(task.id == id && task.kind == "task" && task.title == "Backfill orders table")
        #expect(task.status == "todo")
        #expect(task.owner == "alice")
        #expect(task.due == "2026-11-28")
        #expect(task.tags == ["db", "migration"])
        #expect(task.blockedReason == nil && task.from == nil && task.to == nil && task.respondBy == nil)
        #expect(Day.parseTimestamp(task.created) != nil && task.created.hasSuffix("+05:30"), "\(task.created)")
        #expect(Day.parseTimestamp(task.updated) != nil)
        #expect(task.log.count == 1 && task.log[0].author == "alice" && task.log[0].text == "created")
        #expect(Day.parseTimestamp(task.log[0].at) != nil)
        // A unique prefix works as the id.
        #expect(try alice.task(String(id.prefix(4))).id == id)
        // Text output mentions the title.
        #expect(try alice.ok(["task", "show", id]).stdout.contains("Backfill orders table"))
        Checks.expectHealthy(alice)
    }

    @Test("status changes, blocked_reason, list filters, overdue")
    func lifecycleAndFilters() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        let late = try alice.addTask("Late one", ["--due", "2020-01-01"])
        let future = try alice.addTask("Future one", ["--due", "2999-12-31"])
        let blocked = try alice.addTask("Blocked one")
        let done = try alice.addTask("Done one", ["--due", "2020-01-01"])
        let dropped = try alice.addTask("Dropped one")
        let bobs = try alice.addTask("Bob's one", ["--owner", "bob", "--force"])
        try alice.ok(["task", "block", blocked, "--reason", "waiting on API keys"])
        try alice.ok(["task", "done", done])
        try alice.ok(["task", "drop", dropped, "--note", "not needed"])

        let b = try alice.task(blocked)
        #expect(b.status == "blocked" && b.blockedReason == "waiting on API keys")
        try alice.ok(["task", "start", blocked])
        let unblocked = try alice.task(blocked)
        #expect(unblocked.status == "doing")
        #expect(unblocked.blockedReason == nil, "blocked_reason is only there while blocked")
        #expect(try alice.task(done).status == "done")
        #expect(try alice.task(dropped).status == "dropped")

        #expect(try alice.task(late).overdue == true)
        #expect(try alice.task(future).overdue == false)
        #expect(try alice.task(done).overdue == false, "a done task is never overdue")

        let all = try alice.taskList()
        #expect(Set(all.map(\.id)).isSuperset(of: [late, future, blocked, bobs]))
        #expect(Set(try alice.taskList(["--overdue"]).map(\.id)) == [late])
        #expect(Set(try alice.taskList(["--status", "doing"]).map(\.id)) == [blocked])
        #expect(Set(try alice.taskList(["--status", "done"]).map(\.id)) == [done])
        #expect(Set(try alice.taskList(["--owner", "bob"]).map(\.id)) == [bobs])
        #expect(!(try alice.taskList(["--mine"]).map(\.id)).contains(bobs))
        let text = try alice.ok(["task", "list"]).stdout
        #expect(text.contains(late) && text.contains("Late one"), "\(text)")
        Checks.expectHealthy(alice)
    }

    @Test("inbox lists my blocked and soon-due tasks, not others'")
    func inboxMyTasks() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        let soon = try alice.addTask("Due tomorrow", ["--due", Day.fromToday(1)])
        let blocked = try alice.addTask("Blocked")
        try alice.ok(["task", "block", blocked, "--reason", "db"])
        let far = try alice.addTask("Far away", ["--due", "2999-01-01"])
        let bobs = try alice.addTask("Bob's", ["--owner", "bob", "--force", "--due", Day.fromToday(1)])
        let inbox = try alice.inbox()
        let ids = Set(inbox.myTasks.map(\.id))
        #expect(ids.contains(soon) && ids.contains(blocked), "\(ids)")
        #expect(!ids.contains(far) && !ids.contains(bobs), "\(ids)")
        #expect(inbox.asksToMe.isEmpty && inbox.answers.isEmpty)
        Checks.expectHealthy(alice)
    }
}
