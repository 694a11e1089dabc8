import Foundation
import TestSupport
import Testing

/// Two people change the same things between syncs: the second sync merges, nothing is lost,
/// nobody sees a conflict.
@Suite("Concurrent edits", .serialized)
struct ConcurrentEditTests {
    @Test("same task, different fields: alice blocks it while bob reassigns it")
    func differentFields() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let id = try alice.addTask("Backfill orders table", ["--owner", "bob", "--force"])
        try alice.sync()
        try bob.sync()

        try alice.ok(["task", "block", id, "--reason", "waiting on API keys"])
        try bob.ok(["task", "assign", id, "carol", "--force", "--note", "carol knows the schema"])
        try alice.sync()
        let before = bob.git.commitCount(bob.journal)
        try bob.sync()  // has to merge alice's change
        try alice.sync()

        for person in [alice, bob] {
            let task = try person.task(id)
            #expect(task.status == "blocked", "at \(person.handle)")
            #expect(task.blockedReason == "waiting on API keys", "at \(person.handle)")
            #expect(task.owner == "carol", "at \(person.handle)")
            #expect(task.logs("blocked: waiting on API keys", by: "alice"), "at \(person.handle)")
            #expect(task.logs("assigned to carol", by: "bob"), "at \(person.handle)")
            #expect(task.logs("carol knows the schema", by: "bob"), "at \(person.handle)")
            let texts = task.log.map(\.text)
            #expect(texts.filter { $0.contains("blocked: waiting on API keys") }.count == 1, "each once: \(texts)")
            #expect(texts.filter { $0.contains("assigned to carol") }.count == 1, "each once: \(texts)")
        }
        #expect(alice.read("tasks/\(id).md") == bob.read("tasks/\(id).md"))
        #expect(bob.git.commitCount(bob.journal) > before)
        let merges = bob.git.subjects(bob.journal, ["--merges"])
        #expect(!merges.isEmpty, "expected a merge commit")
        #expect(merges.contains { $0.hasPrefix("sync: merge") }, "merges: \(merges)")
        #expect(alice.git.head(alice.journal) == bob.git.head(bob.journal))
        team.expectHealthy()
    }

    @Test("same ask, both append log lines: both replies kept once, in time order")
    func bothAppendLogLines() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let id = try alice.ask("bob", "need the keys")
        try alice.sync()
        try bob.sync()

        try bob.ok(["reply", id, "looking for them"])
        Thread.sleep(forTimeInterval: 1.1)  // distinct timestamps (second precision)
        try alice.ok(["reply", id, "the staging ones are enough"])
        try bob.sync()
        try alice.sync()  // alice merges
        try bob.sync()

        for person in [alice, bob] {
            let ask = try person.task(id)
            let texts = ask.log.map(\.text)
            #expect(texts.filter { $0.contains("looking for them") }.count == 1, "\(texts)")
            #expect(texts.filter { $0.contains("the staging ones are enough") }.count == 1, "\(texts)")
            let bobLine = try #require(texts.firstIndex { $0.contains("looking for them") })
            let aliceLine = try #require(texts.firstIndex { $0.contains("the staging ones are enough") })
            #expect(bobLine < aliceLine, "log lines must be in time order: \(texts)")
            #expect(ask.status != "done")
        }
        #expect(alice.read("tasks/\(id).md") == bob.read("tasks/\(id).md"))
        #expect(!alice.git.subjects(alice.journal, ["--merges"]).isEmpty)
        team.expectHealthy()
    }

    @Test("two people create tasks and notes offline at the same time: a plain merge keeps all")
    func parallelCreation() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        var aliceIDs: [String] = []
        var bobIDs: [String] = []
        for n in 1...3 {
            aliceIDs.append(try alice.addTask("alice task \(n)"))
            bobIDs.append(try bob.addTask("bob task \(n)"))
        }
        try alice.ok(["note", "alice note"])
        try bob.ok(["note", "bob note"])
        try alice.sync()
        try bob.sync()
        try alice.sync()
        for person in [alice, bob] {
            let ids = Set(try person.taskList().map(\.id))
            #expect(ids == Set(aliceIDs + bobIDs), "at \(person.handle)")
        }
        team.expectHealthy()
    }

    @Test("the same person on two machines edits the same daily note: every bullet once")
    func sameNoteOnTwoMachines() throws {
        let team = try Team(["lee"])
        defer { team.shutdown() }
        let laptop = team["lee"]
        let desktop = try team.clone(handle: "lee", folderName: "lee-desktop")
        let day = Day.today()
        try laptop.ok(["note", "laptop: morning bullet"])
        try laptop.sync()
        try desktop.sync()

        try laptop.ok(["note", "laptop: offline bullet"])
        try laptop.ok(["note", "--blocker", "laptop: blocked on VPN"])
        try desktop.ok(["note", "desktop: afternoon bullet"])
        try desktop.ok(["note", "--yesterday", "desktop: forgot this yesterday"])
        try laptop.sync()
        try desktop.sync()
        try laptop.sync()

        let path = Person.notePath("lee", day)
        let note = try #require(laptop.read(path))
        #expect(desktop.read(path) == note)
        for bullet in [
            "laptop: morning bullet", "laptop: offline bullet", "laptop: blocked on VPN",
            "desktop: afternoon bullet", "desktop: forgot this yesterday",
        ] {
            #expect(note.components(separatedBy: bullet).count - 1 == 1, "'\(bullet)' must appear once:\n\(note)")
        }
        // Sections stay in order with the bullets under the right heading.
        let y = try #require(note.range(of: "## Yesterday"))
        let t = try #require(note.range(of: "## Today"))
        let b = try #require(note.range(of: "## Blockers"))
        #expect(y.lowerBound < t.lowerBound && t.lowerBound < b.lowerBound, "\(note)")
        #expect(note.components(separatedBy: "## Today").count == 2, "one Today heading:\n\(note)")
        let yesterdaySection = note[y.upperBound..<t.lowerBound]
        let todaySection = note[t.upperBound..<b.lowerBound]
        let blockers = note[b.upperBound...]
        #expect(yesterdaySection.contains("desktop: forgot this yesterday"))
        #expect(todaySection.contains("laptop: offline bullet") && todaySection.contains("desktop: afternoon bullet"))
        #expect(blockers.contains("laptop: blocked on VPN"))
        team.expectHealthy()
    }

    @Test("alice works offline on a task bob changes meanwhile: one sync delivers, both kept")
    func offlineWeekThenSync() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let id = try alice.addTask("Orders migration")
        try alice.sync()
        try bob.sync()

        // alice: several changes without syncing.
        try alice.ok(["task", "start", id])
        try alice.ok(["note", "day one at the customer"])
        let newID = try alice.addTask("Customer follow-up")
        try alice.ok(["task", "done", id, "--note", "shipped at the customer"])
        // bob meanwhile: a due date through a hand edit, committed by sync.
        let file = bob.path("tasks/\(id).md")
        let original = try #require(Files.read(file))
        let withTag = original.replacingOccurrences(
            of: "title: Orders migration\n",
            with: "title: Orders migration\ntags: [db]\n")
        #expect(withTag != original, "expected a `title:` line in:\n\(original)")
        try Files.write(withTag, to: file)
        try bob.sync()

        try alice.sync()
        try bob.sync()
        for person in [alice, bob] {
            let task = try person.task(id)
            #expect(task.status == "done", "at \(person.handle)")
            #expect(task.tags == ["db"], "at \(person.handle)")
            #expect(task.logs("shipped at the customer", by: "alice"))
            #expect(try person.task(newID).title == "Customer follow-up")
        }
        team.expectHealthy()
    }
}
