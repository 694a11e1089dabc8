import Foundation
import TestSupport
import Testing

/// Tom's way: a task file edited by hand and committed with plain git.
@Suite("Hand edits", .serialized)
struct HandEditTests {
    @Test("bob edits a task file, commits and pushes with git; alice syncs and sees it")
    func handEditCommittedWithGit() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let id = try alice.addTask("Backfill orders", ["--due", "2026-12-01"])
        try alice.sync()
        try bob.sync()

        let file = bob.path("tasks/\(id).md")
        let original = try #require(Files.read(file))
        var edited = original.replacingOccurrences(of: "due: 2026-12-01\n", with: "due: 2026-12-15\n")
        #expect(edited != original, "expected a `due: 2026-12-01` line in:\n\(original)")
        // A description paragraph right after the front matter.
        let parts = edited.components(separatedBy: "\n---\n")
        try #require(parts.count >= 2, "no front matter end in:\n\(original)")
        edited =
            parts[0] + "\n---\n\nCopy the old orders in batches of 10k.\n"
            + parts.dropFirst().joined(separator: "\n---\n")
        try Files.write(edited, to: file)
        try bob.git.check(["add", "tasks/\(id).md"], in: bob.journal)
        try bob.git.check(["commit", "-m", "task \(id): due moved by hand"], in: bob.journal)
        try bob.git.check(["push", "origin", "HEAD"], in: bob.journal)

        try alice.sync()
        let task = try alice.task(id)
        #expect(task.due == "2026-12-15")
        #expect(
            task.description?.contains("Copy the old orders in batches of 10k.") == true, "\(task.description ?? "nil")"
        )
        #expect(task.title == "Backfill orders")
        #expect(alice.git.subjects(alice.journal).contains("task \(id): due moved by hand"))
        // baton still works on the hand-edited file and keeps the hand-written text.
        try alice.ok(["task", "start", id])
        #expect(alice.read("tasks/\(id).md")?.contains("Copy the old orders in batches of 10k.") == true)
        try alice.sync()
        try bob.sync()
        #expect(try bob.task(id).status == "doing")
        team.expectHealthy()
    }

    @Test("an uncommitted hand edit shows in status and is committed and delivered by sync")
    func uncommittedHandEdit() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let id = try alice.addTask("Write the runbook")
        try alice.sync()
        try bob.sync()

        let rel = "tasks/\(id).md"
        let original = try #require(alice.read(rel))
        let edited = original.replacingOccurrences(
            of: "title: Write the runbook\n", with: "title: Write the on-call runbook\n")
        #expect(edited != original, "expected a `title:` line in:\n\(original)")
        try Files.write(edited, to: alice.path(rel))
        let headBefore = alice.git.head(alice.journal)

        let status = try alice.ok(["status"]).stdout
        #expect(status.contains(rel), "status must list the hand-edited file:\n\(status)")

        try alice.sync()
        #expect(alice.git.head(alice.journal) != headBefore, "sync must commit the hand edit")
        #expect(alice.git.porcelain(alice.journal).isEmpty)
        #expect(alice.git.show("HEAD", rel, in: alice.journal)?.contains("title: Write the on-call runbook") == true)
        let after = try alice.ok(["status"]).stdout
        #expect(!after.contains(rel), "status after sync still lists the file:\n\(after)")

        try bob.sync()
        #expect(try bob.task(id).title == "Write the on-call runbook")
        team.expectHealthy()
    }

    @Test("a new note file written by hand is picked up by sync")
    func handWrittenNote() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let rel = Person.notePath("alice", "2026-11-20")
        let note = """
            ---
            author: alice
            date: 2026-11-20
            utc_offset: "+00:00"
            ---

            ## Yesterday

            ## Today

            - 09:00 written by hand in vim

            ## Blockers

            """
        try Files.write(note, to: alice.path(rel))
        try alice.sync()
        try bob.sync()
        #expect(bob.read(rel) == note)
        let standup = try bob.ok(["standup", "--date", "2026-11-20"]).stdout
        #expect(standup.contains("written by hand in vim"), "\(standup)")
        team.expectHealthy()
    }
}
