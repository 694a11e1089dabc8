import Foundation
import TestSupport
import Testing

/// The everyday edits without an editor: `note --undo`, `task unblock`, `task due`, and `task list`'s
/// header row with asks apart (`--kind`).
@Suite("Everyday edits")
struct EverydayEditsTests {
    static func at(_ iso: String) -> [String: String] { ["BATON_NOW": iso] }

    @Test("note --undo removes my last bullet of the day as a new commit; history keeps it")
    func undo() throws {
        let (team, alice) = try Team.solo("alice")
        defer { team.shutdown() }
        let path = Person.notePath("alice", "2026-11-24")
        try alice.ok(["note", "first thing"], env: Self.at("2026-11-24T09:00:00Z"))
        try alice.ok(["note", "--blocker", "a wrong blocker"], env: Self.at("2026-11-24T11:30:00Z"))
        try alice.ok(["note", "second thing"], env: Self.at("2026-11-24T10:00:00Z"))
        let before = try #require(alice.read(path))
        let commits = alice.git.commitCount(alice.journal)

        let r = try alice.ok(["note", "--undo"], env: Self.at("2026-11-24T12:00:00Z"))
        #expect(r.stdout.contains("11:30 a wrong blocker") && r.stdout.contains(path), "\(r)")
        let after = try #require(alice.read(path))
        #expect(!after.contains("a wrong blocker"))
        #expect(after == before.replacingOccurrences(of: "- 11:30 a wrong blocker\n", with: ""), "\(after)")
        #expect(alice.git.commitCount(alice.journal) == commits + 1)
        #expect(
            try alice.git.check(["log", "-1", "--format=%s"], in: alice.journal) == "note: alice 2026-11-24 (undo)")
        #expect(try alice.git.check(["show", "HEAD~1:" + path], in: alice.journal).contains("a wrong blocker"))
        #expect(alice.git.porcelain(alice.journal).isEmpty)

        try alice.ok(["note", "--undo"], env: Self.at("2026-11-24T12:01:00Z"))
        try alice.ok(["note", "--undo"], env: Self.at("2026-11-24T12:02:00Z"))
        #expect(alice.read(path)?.contains("first thing") == false)
        let head = alice.git.head(alice.journal)
        let empty = alice.baton(["note", "--undo"], env: Self.at("2026-11-24T12:03:00Z"))
        Checks.expectCleanFailure(empty, exitCode: 66)
        #expect(empty.stderr.contains(path) && empty.stderr.contains("no bullet"), "\(empty)")
        let otherDay = alice.baton(["note", "--undo"], env: Self.at("2026-11-25T09:00:00Z"))
        Checks.expectCleanFailure(otherDay, exitCode: 66)
        #expect(alice.git.head(alice.journal) == head, "a refused undo commits nothing")
        #expect(alice.baton(["note", "--undo", "text"]).status == 64)
        #expect(alice.baton(["note", "--undo", "--blocker"]).status == 64)
    }

    @Test("task unblock goes back to doing (or todo), with the note; a task not blocked is refused")
    func unblock() throws {
        let (team, alice) = try Team.solo("alice")
        defer { team.shutdown() }
        let env = Self.at("2026-11-24T09:00:00Z")
        let started = try Checks.requireID(try alice.ok(["task", "add", "Started one"], env: env))
        let fresh = try Checks.requireID(try alice.ok(["task", "add", "Never started"], env: env))
        try alice.ok(["task", "start", started], env: env)
        try alice.ok(["task", "block", started, "--reason", "waiting on keys"], env: env)
        try alice.ok(["task", "block", fresh, "--reason", "waiting on design"], env: env)

        let r = try alice.ok(
            ["task", "unblock", started, "--note", "keys arrived"], env: Self.at("2026-11-24T11:00:00Z"))
        #expect(r.stdout.contains("\(started) is doing"), "\(r)")
        let task = try alice.task(started)
        #expect(task.status == "doing" && task.blockedReason == nil)
        #expect(task.log.last?.text == "started: keys arrived" && task.log.last?.author == "alice")
        #expect(
            try alice.git.check(["log", "-1", "--format=%s"], in: alice.journal)
                == "task \(started): alice started: keys arrived")
        try alice.ok(["task", "unblock", String(fresh.prefix(4))], env: env)
        let back = try alice.task(fresh)
        #expect(back.status == "todo" && back.blockedReason == nil && back.log.last?.text == "reopened")

        let head = alice.git.head(alice.journal)
        let refused = alice.baton(["task", "unblock", started], env: env)
        Checks.expectCleanFailure(refused, exitCode: 64)
        #expect(refused.stderr.contains("not blocked"), "\(refused)")
        Checks.expectCleanFailure(alice.baton(["task", "unblock", "zzzzzz"], env: env), exitCode: 66)
        #expect(alice.git.head(alice.journal) == head)
    }

    @Test("task due sets a day from a date expression, none removes it; an ask has no due day")
    func due() throws {
        let (team, alice) = try Team.solo("alice")
        defer { team.shutdown() }
        // 2026-11-24 is a Tuesday.
        let env = Self.at("2026-11-24T09:00:00Z")
        let id = try Checks.requireID(try alice.ok(["task", "add", "Ship it"], env: env))
        let r = try alice.ok(["task", "due", id, "friday"], env: env)
        #expect(r.stdout.contains("due 2026-11-27"), "\(r)")
        #expect(try alice.task(id).due == "2026-11-27")
        #expect(try alice.task(id).log.last?.text == "due set to 2026-11-27")
        try alice.ok(["task", "due", id, "2026-12-04"], env: env)
        #expect(try alice.task(id).due == "2026-12-04")
        try alice.ok(["task", "due", id, "none"], env: env)
        let cleared = try alice.task(id)
        #expect(cleared.due == nil && cleared.log.last?.text == "due removed")
        #expect(alice.read("tasks/\(id).md")?.contains("due:") == false)
        #expect(
            try alice.git.check(["log", "-1", "--format=%s"], in: alice.journal) == "task \(id): alice due removed")

        try alice.ok(["member", "add", "bob"], env: env)
        let ask = try Checks.requireID(try alice.ok(["ask", "bob", "review?", "--force"], env: env))
        let head = alice.git.head(alice.journal)
        let refused = alice.baton(["task", "due", ask, "friday"], env: env)
        Checks.expectCleanFailure(refused, exitCode: 64)
        #expect(refused.stderr.contains("ask"), "\(refused)")
        Checks.expectCleanFailure(alice.baton(["task", "due", id, "someday"], env: env), exitCode: 64)
        #expect(alice.git.head(alice.journal) == head)
    }

    @Test("task list has a header row, lists asks apart, and --kind picks tasks, asks or all")
    func listKinds() throws {
        let (team, alice) = try Team.solo("alice")
        defer { team.shutdown() }
        let env = Self.at("2026-11-24T09:00:00Z")
        try alice.ok(["member", "add", "bob"], env: env)
        let task = try Checks.requireID(try alice.ok(["task", "add", "Backfill orders"], env: env))
        let ask = try Checks.requireID(try alice.ok(["ask", "bob", "review the schema?", "--force"], env: env))

        let all = try alice.ok(["task", "list"], env: env).stdout
        let lines = all.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("ID") == true && lines.first?.contains("TITLE") == true, "\(all)")
        let taskLine = try #require(lines.firstIndex { $0.hasPrefix(task) })
        let askHeader = try #require(lines.firstIndex { $0.hasPrefix("ASK") }, "\(all)")
        let askLine = try #require(lines.firstIndex { $0.hasPrefix(ask) })
        #expect(taskLine < askHeader && askHeader < askLine, "asks come apart, after the tasks:\n\(all)")
        #expect(lines[askHeader].contains("RESPOND BY") && lines[askLine].contains("bob"))

        let tasksOnly = try alice.ok(["task", "list", "--kind", "task"], env: env).stdout
        #expect(tasksOnly.contains(task) && !tasksOnly.contains(ask) && !tasksOnly.contains("ASK"), "\(tasksOnly)")
        let asksOnly = try alice.ok(["task", "list", "--kind", "ask"], env: env).stdout
        #expect(asksOnly.hasPrefix("ASK") && asksOnly.contains(ask) && !asksOnly.contains(task), "\(asksOnly)")
        #expect(try alice.taskList(["--kind", "ask"]).map(\.id) == [ask])
        #expect(try alice.taskList(["--kind", "task"]).map(\.id) == [task])
        #expect(Set(try alice.taskList(["--kind", "all"]).map(\.id)) == [task, ask])
        #expect(alice.baton(["task", "list", "--kind", "bug"]).status == 64)
    }
}
