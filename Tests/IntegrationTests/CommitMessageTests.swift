import Foundation
import TestSupport
import Testing

/// Every change is committed at once, with a message that says what happened.
@Suite("Commit messages")
struct CommitMessageTests {
    @Test("task, note and ask commands commit with the documented messages and the git identity")
    func messages() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        let day = Day.today()

        let id = try alice.addTask("Backfill orders table")
        #expect(
            alice.git.subjects(alice.journal, ["-1"]).first?.hasPrefix("task \(id): created \"Backfill orders table\"")
                == true,
            "\(alice.git.subjects(alice.journal, ["-1"]))")

        let count = alice.git.commitCount(alice.journal)
        try alice.ok(["task", "block", id, "--reason", "waiting on API keys"])
        #expect(alice.git.commitCount(alice.journal) == count + 1, "one command, one commit")
        let subjects = alice.git.subjects(alice.journal)
        #expect(subjects.contains("task \(id): alice blocked: waiting on API keys"), "\(subjects)")
        #expect(subjects.first == "task \(id): alice blocked: waiting on API keys")

        try alice.ok(["note", "a bullet"])
        #expect(
            alice.git.subjects(alice.journal, ["-1"]).first?.hasPrefix("note: alice \(day)") == true,
            "\(alice.git.subjects(alice.journal, ["-1"]))")

        let askID = try alice.ask("bob", "keys?", ["--force"])
        #expect(
            alice.git.subjects(alice.journal, ["-1"]).first?.hasPrefix("ask \(askID): alice asks bob, respond by ")
                == true,
            "\(alice.git.subjects(alice.journal, ["-1"]))")

        // Author and committer come from git's user.name / user.email.
        let authors = Set(
            alice.git.run(["log", "--format=%an <%ae>|%cn <%ce>"], in: alice.journal).stdout
                .split(separator: "\n").map(String.init))
        #expect(authors == ["Alice Example <alice@example.com>|Alice Example <alice@example.com>"], "\(authors)")
        // Each commit touches only what it says.
        let files = alice.git.run(["show", "--name-only", "--format=", "HEAD~1"], in: alice.journal).out
        #expect(files == Person.notePath("alice", day), "\(files)")
        Checks.expectHealthy(alice)
    }

    @Test("task lifecycle commands each commit once and log once")
    func lifecycleCommits() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        let id = try alice.addTask("Lifecycle")
        let steps: [([String], String)] = [
            (["task", "start", id], "started"),
            (["task", "block", id, "--reason", "db down"], "blocked: db down"),
            (["task", "start", id, "--note", "db back"], "started"),
            (["task", "assign", id, "bob", "--force"], "assigned to bob"),
            (["task", "done", id, "--note", "all good"], "done"),
        ]
        for (args, logText) in steps {
            let before = alice.git.commitCount(alice.journal)
            try alice.ok(args)
            #expect(alice.git.commitCount(alice.journal) == before + 1, "\(args)")
            #expect(alice.git.subjects(alice.journal, ["-1"]).first?.hasPrefix("task \(id): ") == true)
            #expect(try alice.task(id).log.last?.text.hasPrefix(logText) == true, "\(args)")
        }
        Checks.expectHealthy(alice)
    }
}
