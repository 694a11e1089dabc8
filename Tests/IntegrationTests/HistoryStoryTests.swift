import Foundation
import TestSupport
import Testing

/// History that reads like a story, through the built binary: one line per event, every commit
/// dated by `BATON_NOW`, hand edits dated when they were made, merged bullets in time order, and a
/// settled field collision told as one event. The git CLI is the witness for commit dates.
@Suite("History as a story", .serialized)
struct HistoryStoryTests {
    static func at(_ iso: String) -> [String: String] { ["BATON_NOW": iso] }

    /// A team whose every commit (init and clones included) is dated by `BATON_NOW` = `iso`.
    static func team(_ people: [(handle: String, machine: String)], at iso: String) throws -> (Team, [Person]) {
        let team = try Team(remote: true, tz: "UTC")
        let url = try #require(team.remoteURL)
        var clones: [Person] = []
        for (index, person) in people.enumerated() {
            let sandbox = try team.sandbox(for: person.handle, machine: person.machine)
            let args =
                index == 0
                ? ["init", person.machine, "--me", person.handle, "--remote", url]
                : ["clone", url, person.machine, "--me", person.handle]
            let r = sandbox.baton(team.executable, args, in: team.folder.path, env: at(iso))
            try #require(r.status == 0, "\(r)")
            let clone = Person(
                handle: person.handle, journal: team.folder.sub(person.machine), executable: team.executable,
                sandbox: sandbox)
            if index == 0 { try clone.ok(["sync"], env: at(iso)) }
            clones.append(clone)
        }
        return (team, clones)
    }

    /// `git log` of `rev`: author date, committer date and subject, one line per commit.
    static func dates(_ person: Person, _ rev: String = "HEAD", _ extra: [String] = []) -> [String] {
        person.git(["log", "--format=%aI %cI %s"] + extra + [rev]).stdout.split(separator: "\n").map(String.init)
    }

    @Test("BATON_NOW dates every commit baton makes, author and committer, sync merges included")
    func batonNowReachesEveryCommit() throws {
        let (team, people) = try Self.team([("priya", "priya"), ("tom", "tom")], at: "2026-11-16T08:00:00+05:30")
        defer { team.shutdown() }
        let (priya, tom) = (people[0], people[1])
        let id = try Checks.requireID(
            try priya.ok(["task", "add", "Backfill"], env: Self.at("2026-11-16T09:00:00+05:30")))
        try priya.ok(["note", "started the backfill"], env: Self.at("2026-11-16T09:05:00+05:30"))
        try priya.ok(["sync"], env: Self.at("2026-11-16T09:10:00+05:30"))
        try tom.ok(["note", "on call"], env: Self.at("2026-11-16T05:00:00+01:00"))
        try tom.ok(["sync"], env: Self.at("2026-11-16T05:30:00+01:00"))
        #expect(
            Self.dates(tom, "HEAD", ["--first-parent"]) == [
                "2026-11-16T05:30:00+01:00 2026-11-16T05:30:00+01:00 sync: merge Priya Example's work (2 commit(s))",
                "2026-11-16T05:00:00+01:00 2026-11-16T05:00:00+01:00 note: tom 2026-11-16",
                "2026-11-16T08:00:00+05:30 2026-11-16T08:00:00+05:30 journal: created for team team",
            ])
        #expect(
            Self.dates(priya) == [
                "2026-11-16T09:05:00+05:30 2026-11-16T09:05:00+05:30 note: priya 2026-11-16",
                "2026-11-16T09:00:00+05:30 2026-11-16T09:00:00+05:30 task \(id): created \"Backfill\" (owner priya)",
                "2026-11-16T08:00:00+05:30 2026-11-16T08:00:00+05:30 journal: created for team team",
            ])
        for person in people { Checks.expectHealthy(person) }
    }

    @Test("a hand edit is dated by the file's modification time, within [previous commit, sync]")
    func handEditDatedByModificationTime() throws {
        let (team, people) = try Self.team([("lee", "lee")], at: "2026-11-24T08:00:00Z")
        defer { team.shutdown() }
        let lee = people[0]
        let id = try Checks.requireID(try lee.ok(["task", "add", "Runbook"], env: Self.at("2026-11-24T09:00:00Z")))
        let rel = "tasks/\(id).md"
        func handEdit(_ from: String, _ to: String, modified iso: String, syncAt sync: String) throws -> String {
            let text = try #require(lee.read(rel))
            try Files.write(text.replacingOccurrences(of: from, with: to), to: lee.path(rel))
            let date = try #require(ISO8601DateFormatter().date(from: iso))
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: lee.path(rel))
            try lee.ok(["sync"], env: Self.at(sync))
            return Self.dates(lee, "HEAD", ["-1"]).first ?? ""
        }
        // Edited at 10:00, synced at 12:00: the change is dated 10:00, the commit made at 12:00.
        #expect(
            try handEdit(
                "title: Runbook", "title: On-call runbook", modified: "2026-11-24T10:00:00Z",
                syncAt: "2026-11-24T12:00:00Z")
                == "2026-11-24T10:00:00+00:00 2026-11-24T12:00:00+00:00 hand edits: \(rel)")
        // A modification time after the sync (a clock ahead) is the sync's time.
        #expect(
            try handEdit(
                "On-call runbook", "On-call runbook v2", modified: "2026-11-24T18:00:00Z",
                syncAt: "2026-11-24T13:00:00Z")
                == "2026-11-24T13:00:00+00:00 2026-11-24T13:00:00+00:00 hand edits: \(rel)")
        // One before the previous commit (a copied file keeps an old time) is the previous commit's.
        #expect(
            try handEdit("runbook v2", "runbook v3", modified: "2026-11-20T08:00:00Z", syncAt: "2026-11-24T15:00:00Z")
                == "2026-11-24T13:00:00+00:00 2026-11-24T15:00:00+00:00 hand edits: \(rel)")
        let history = try lee.ok(["history", id]).stdout
        #expect(history.contains("2026-11-24 10:00 +00:00  lee: title: Runbook → On-call runbook"), "\(history)")
        for person in people { Checks.expectHealthy(person) }
    }

    @Test("history: one line per event, creation with its fields, status changes with their log lines")
    func oneLinePerEvent() throws {
        let (team, people) = try Self.team([("priya", "priya")], at: "2026-11-16T08:00:00+05:30")
        defer { team.shutdown() }
        let priya = people[0]
        let id = try Checks.requireID(
            try priya.ok(
                ["task", "add", "Backfill orders", "--due", "2026-12-01"],
                env: Self.at("2026-11-16T09:00:00+05:30")))
        try priya.ok(["task", "start", id], env: Self.at("2026-11-16T09:30:00+05:30"))
        try priya.ok(["task", "block", id, "--reason", "waiting on DBA"], env: Self.at("2026-11-16T11:00:00+05:30"))
        // Her machine's clock is UTC (the log lines' offset): her own time follows the reader's.
        let text = try priya.ok(["history", id, "--tz", "Asia/Kolkata"]).stdout
        #expect(
            text == """
                \(id)  Backfill orders
                  2026-11-16 09:00 +05:30 (03:30 priya's time)  priya: created "Backfill orders" (status todo, \
                owner priya, due 2026-12-01)
                  2026-11-16 09:30 +05:30 (04:00 priya's time)  priya: started (status: todo → doing)
                  2026-11-16 11:00 +05:30 (05:30 priya's time)  priya: blocked: waiting on DBA (status: doing → blocked, \
                blocked_reason: – → waiting on DBA)

                """)
        let json = try priya.ok(["history", id, "--json"]).stdout
        let events = try Checks.historyEvents(json)
        #expect(events.count == 3)
        #expect(
            events.first?["fields"] as? [String: String] == ["status": "todo", "owner": "priya", "due": "2026-12-01"])
        #expect(events.last?["log"] as? String == "blocked: waiting on DBA")
        // The digest still reads the block's reason from the one event.
        let digest = try priya.ok(
            ["digest", "--since", "2026-11-16", "--format", "json"], env: Self.at("2026-11-16T12:00:00+05:30")
        ).stdout
        #expect(digest.contains("waiting on DBA"), "\(digest)")
        for person in people { Checks.expectHealthy(person) }
    }

    @Test("two clones' bullets on the same day: merged in time order, each once")
    func mergedBulletsInTimeOrder() throws {
        let (team, people) = try Self.team([("lee", "laptop"), ("lee", "desktop")], at: "2026-11-24T07:00:00Z")
        defer { team.shutdown() }
        let (laptop, desktop) = (people[0], people[1])
        try laptop.ok(["note", "standup notes"], env: Self.at("2026-11-24T09:00:00Z"))
        try desktop.ok(["note", "reviewed the PR"], env: Self.at("2026-11-24T10:00:00Z"))
        try laptop.ok(["note", "deployed 0042"], env: Self.at("2026-11-24T11:00:00Z"))
        try laptop.ok(["sync"], env: Self.at("2026-11-24T11:05:00Z"))
        try desktop.ok(["sync"], env: Self.at("2026-11-24T11:10:00Z"))
        try laptop.ok(["sync"], env: Self.at("2026-11-24T11:15:00Z"))
        let note = try #require(laptop.read(Person.notePath("lee", "2026-11-24")))
        let bullets = note.split(separator: "\n").filter { $0.hasPrefix("- ") }
        #expect(bullets == ["- 09:00 standup notes", "- 10:00 reviewed the PR", "- 11:00 deployed 0042"], "\(note)")
        #expect(desktop.read(Person.notePath("lee", "2026-11-24")) == note)
        for person in people { Checks.expectHealthy(person) }
    }

    @Test("concurrent status changes: one event saying what each clone set and what was kept")
    func settledCollisionIsOneEvent() throws {
        let (team, people) = try Self.team([("priya", "priya"), ("tom", "tom")], at: "2026-11-24T08:00:00Z")
        defer { team.shutdown() }
        let (priya, tom) = (people[0], people[1])
        let id = try Checks.requireID(try priya.ok(["task", "add", "Migrate"], env: Self.at("2026-11-24T08:10:00Z")))
        try priya.ok(["sync"], env: Self.at("2026-11-24T08:15:00Z"))
        try tom.ok(["sync"], env: Self.at("2026-11-24T08:20:00Z"))
        try priya.ok(["task", "start", id], env: Self.at("2026-11-24T09:00:00Z"))
        try tom.ok(["task", "block", id, "--reason", "keys"], env: Self.at("2026-11-24T10:00:00Z"))
        try priya.ok(["sync"], env: Self.at("2026-11-24T10:30:00Z"))
        try tom.ok(["sync"], env: Self.at("2026-11-24T11:00:00Z"))
        try priya.ok(["sync"], env: Self.at("2026-11-24T11:30:00Z"))
        #expect(try priya.task(id).status == "blocked")
        let message = tom.git(["log", "-1", "--format=%B"]).stdout
        #expect(
            message.contains(
                "Field collisions settled:\n- tasks/\(id).md status: doing (Priya Example) vs blocked (Tom Example): "
                    + "blocked kept"), "\(message)")
        let history = try priya.ok(["history", id]).stdout
        #expect(
            history.contains("2026-11-24 10:00 +00:00  tom: status: doing (priya) vs blocked (tom): blocked kept"),
            "\(history)")
        #expect(!history.contains("todo → doing") && !history.contains("todo → blocked"), "\(history)")
        let lines = history.split(separator: "\n").dropFirst()
        #expect(lines.count == 2, "created, then the settled collision:\n\(history)")
        for person in people { Checks.expectHealthy(person) }
    }
}
