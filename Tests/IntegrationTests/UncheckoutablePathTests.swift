import Foundation
import TestSupport
import Testing

/// A teammate pushes a tree holding a path that git refuses to check out (`sub/.git/config`, made with
/// git's plumbing). No clone can write it, so sync drops it in a commit of its own, names it and the
/// commit that brought it, and goes on: the victim's work is delivered and sync keeps working.
@Suite("Paths git cannot check out")
struct UncheckoutablePathTests {
    static let dated = Git.dated("2026-11-24T10:00:00+01:00")

    /// Commits, on top of `dir`'s HEAD, a tree that also holds `folder/<git>/config` and pushes it.
    static func pushHostileTree(_ person: Person, folder: String, gitName: String) throws -> String {
        let git = person.git
        let dir = person.journal
        let blob = try git.check(["hash-object", "-w", "--stdin"], in: dir, stdin: "[core]\n\tfsmonitor = evil\n")
        let inner = try git.check(["mktree"], in: dir, stdin: "100644 blob \(blob)\tconfig\n")
        let kept = try git.check(["hash-object", "-w", "--stdin"], in: dir, stdin: "a file beside it\n")
        let sub = try git.check(
            ["mktree"], in: dir, stdin: "040000 tree \(inner)\t\(gitName)\n100644 blob \(kept)\tkept.md\n")
        var root = try git.check(["ls-tree", "HEAD"], in: dir)
        root += "\n040000 tree \(sub)\t\(folder)\n"
        let tree = try git.check(["mktree"], in: dir, stdin: root)
        let commit = try git.check(["commit-tree", tree, "-p", "HEAD", "-m", "odd tree"], in: dir, env: dated)
        try git.check(["push", "-q", "origin", "\(commit):refs/heads/main"], in: dir)
        return commit
    }

    @Test(
        "sync drops a pushed .git path, names it and its commit, and delivers the rest",
        arguments: [".git", ".GIT", "git~1"], [true, false])
    func syncDropsHostilePath(_ gitName: String, withLocalWork: Bool) throws {
        let team = try Team(["alice", "tom"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let tom = team["tom"]
        try alice.ok(["note", "before"], env: ["BATON_NOW": "2026-11-24T09:00:00+01:00"])
        try alice.sync()
        try tom.sync()
        let odd = try Self.pushHostileTree(tom, folder: "sub", gitName: gitName)
        // With local work sync merges; without, it would fast-forward to the teammate's commit.
        if withLocalWork {
            try alice.ok(["note", "mine, made offline"], env: ["BATON_NOW": "2026-11-24T11:00:00+01:00"])
        }
        let sync = alice.baton(["sync"])
        #expect(sync.status == 0, "\(sync)")
        #expect(sync.stderr.contains("sub/\(gitName)/config"), "the warning names the path: \(sync)")
        #expect(sync.stderr.contains(String(odd.prefix(7))), "the warning names the commit: \(sync)")
        #expect(Files.read(alice.path("sub/kept.md")) == "a file beside it\n", "the rest of the tree arrives")
        #expect(!Files.exists(alice.path("sub/\(gitName)")))
        // The remote no longer holds the path, and has alice's note.
        let bare = try #require(team.bareRepo)
        let listed = team.witness.git.run(["ls-tree", "-r", "--name-only", "main"], in: bare).stdout
        #expect(!listed.contains("/config"), "\(listed)")
        #expect(listed.contains("sub/kept.md"))
        if withLocalWork {
            #expect(team.witness.git.run(["log", "-p", "main"], in: bare).stdout.contains("mine, made offline"))
        }
        // The next sync has nothing to say, and git agrees with the work tree and index.
        let again = alice.baton(["sync"])
        #expect(again.status == 0 && !again.stderr.contains("config"), "\(again)")
        // The teammate's commit stays in history; only fsck's check of that name is waived.
        Checks.expectHealthy(alice, fsckIgnoring: ["hasDotgit"])
        #expect(
            alice.git.run(["write-tree"], in: alice.journal).out
                == alice.git.run(["rev-parse", "HEAD^{tree}"], in: alice.journal).out)
        // Tom, who pushed it, receives the removal.
        let tomSync = tom.baton(["sync"])
        #expect(tomSync.status == 0, "\(tomSync)")
    }
}
