import Foundation
import TestSupport
import Testing

/// Arguments that look like flags or paths that only work from one folder.
@Suite("Date and remote arguments")
struct DateAndRemoteArgumentTests {
    static let now = ["BATON_NOW": "2026-11-24T13:00:00Z"]

    @Test("a day option accepts an offset starting with '-' (--date -1w)")
    func negativeOffsets() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        try alice.ok(["note", "--date", "-1w", "last", "week"], env: Self.now)
        #expect(alice.read(Person.notePath("alice", "2026-11-17"))?.contains("last week") == true)
        let standup = try alice.ok(["standup", "--date", "-1w"], env: Self.now)
        #expect(standup.stdout.contains("last week"), "\(standup)")
        try alice.ok(["standup", "--date=-1w"], env: Self.now)
        try alice.ok(["digest", "--since", "-2w", "--until", "-1d"], env: Self.now)
        try alice.ok(["log", "--since", "-1w"], env: Self.now)
        let id = try Checks.requireID(try alice.ok(["task", "add", "Late", "--due", "-1d"], env: Self.now))
        #expect(try alice.task(id).due == "2026-11-23")
        Checks.expectHealthy(alice)
    }

    @Test("init --remote with a relative path stores it absolute, so sync works from the journal")
    func relativeRemote() throws {
        let team = try Team(remote: false)
        defer { team.shutdown() }
        let bare = team.folder.sub("r.git")
        try team.witness.git.check(["init", "-q", "--bare", "--initial-branch=main", bare], in: team.folder.path)
        let sandbox = try team.sandbox(for: "alice", machine: "alice")
        let created = sandbox.baton(
            team.executable, ["init", "j", "--me", "alice", "--remote", "r.git"], in: team.folder.path)
        #expect(created.status == 0, "\(created)")
        let journal = team.folder.sub("j")
        let url = sandbox.git.run(["config", "remote.origin.url"], in: journal).out
        #expect(url == (bare as NSString).standardizingPath || url == bare, "\(url)")
        let noted = sandbox.baton(team.executable, ["note", "hello"], in: journal, env: Self.now)
        #expect(noted.status == 0, "\(noted)")
        let synced = sandbox.baton(team.executable, ["sync"], in: journal, env: Self.now)
        #expect(synced.status == 0, "\(synced)")
        #expect(team.witness.git.commitCount(bare, "main") >= 2)

        // A clone by a relative path (from another folder, with -C) stores it absolute too.
        let bob = try team.sandbox(for: "bob", machine: "bob")
        let elsewhere = try team.folder.makeFolder("elsewhere")
        let cloned = bob.baton(
            team.executable, ["-C", team.folder.path, "clone", "r.git", "bj", "--me", "bob"],
            in: elsewhere)
        #expect(cloned.status == 0, "\(cloned)")
        let bobJournal = team.folder.sub("bj")
        let bobURL = bob.git.run(["config", "remote.origin.url"], in: bobJournal).out
        #expect(bobURL.hasPrefix("/") && bobURL.hasSuffix("r.git"), "\(bobURL)")
        #expect(bob.baton(team.executable, ["note", "from bob"], in: bobJournal, env: Self.now).status == 0)
        let bobSync = bob.baton(team.executable, ["sync"], in: bobJournal, env: Self.now)
        #expect(bobSync.status == 0, "\(bobSync)")
    }
}
