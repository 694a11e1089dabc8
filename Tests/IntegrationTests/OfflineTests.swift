import Foundation
import TestSupport
import Testing

/// The remote is down: sync fails fast with 69, keeps everything local, and delivers later.
@Suite("Offline", .serialized)
struct OfflineTests {
    @Test("daemon stopped: sync exits 69 fast with one line, keeps commits; restarted: sync delivers")
    func offlineThenBack() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let daemon = try #require(team.daemon)
        let day = Day.today()
        let syncedHead = alice.git.head(alice.journal)

        daemon.stop()
        try alice.ok(["note", "written on the train"])
        let id = try alice.addTask("Offline task")
        try alice.ok(["task", "block", id, "--reason", "no network"])
        let head = alice.git.head(alice.journal)
        let count = alice.git.commitCount(alice.journal)
        let unpushed = alice.git.commitCount(alice.journal, "\(syncedHead)..HEAD")
        #expect(unpushed >= 3)

        let r = alice.baton(["sync"], timeout: 30)
        Checks.expectCleanFailure(r, exitCode: 69)
        #expect(r.duration < 10, "sync took \(r.duration) s with the remote down")
        let line = r.stderrLines.first?.lowercased() ?? ""
        #expect(
            ["reach", "offline", "connect", "network"].contains { line.contains($0) },
            "stderr should say the remote can't be reached: \(r.stderr)")
        #expect(alice.git.head(alice.journal) == head, "local commits must be kept as they are")
        #expect(alice.git.commitCount(alice.journal) == count)
        Checks.expectHealthy(alice)

        let status = try alice.ok(["status"]).stdout
        let pending = status.split(separator: "\n").first {
            let l = $0.lowercased()
            return l.contains("not pushed") || l.contains("unpushed")
        }
        let pendingLine = try #require(pending.map(String.init), "status must mention unpushed commits:\n\(status)")
        let numbers = pendingLine.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(numbers.contains(unpushed), "expected \(unpushed) unpushed commits in: \(pendingLine)")

        try daemon.start()
        try alice.sync()
        try bob.sync()
        #expect(bob.read(Person.notePath("alice", day))?.contains("written on the train") == true)
        let task = try bob.task(id)
        #expect(task.status == "blocked")
        #expect(task.blockedReason == "no network")
        #expect(bob.git.head(bob.journal) == alice.git.head(alice.journal))
        let after = try alice.ok(["status"]).stdout
        let stillPending = after.split(separator: "\n").first {
            ($0.lowercased().contains("not pushed") || $0.lowercased().contains("unpushed"))
                && $0.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.contains { $0 > 0 }
        }
        #expect(stillPending == nil, "after a sync nothing is unpushed:\n\(after)")
        team.expectHealthy()
    }

    @Test("offline, bob cannot clone: exit 69 and no folder left behind")
    func cloneOffline() throws {
        let team = try Team(["alice"])
        defer { team.shutdown() }
        team.daemon?.stop()
        let sandbox = try team.sandbox(for: "bob", machine: "bob")
        let r = sandbox.baton(
            team.executable, ["clone", team.remoteURL!, "bob", "--me", "bob"],
            in: team.folder.path, timeout: 30)
        Checks.expectCleanFailure(r, exitCode: 69)
        #expect(r.stderr.contains("nothing was cloned"), "\(r)")
        #expect(!r.stderr.contains("committed locally"), "a failed clone has no local work to speak of: \(r)")
        #expect(r.duration < 10)
        #expect(!Files.exists(team.folder.sub("bob")) || Files.contents(ofFolder: team.folder.sub("bob")).isEmpty)
    }
}
