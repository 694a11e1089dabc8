import Foundation
import TestSupport
import Testing

/// Reading the journal: digest, history and log against a journal with real history
/// (three people in three zones, status changes, an ask answered late, a hand edit with git).
@Suite("Reports: digest, history, log", .serialized)
struct ReportsTests {
    /// The planted facts.
    struct World {
        let team: Team
        let priya: Person, tom: Person, maria: Person
        let backfill: String, stale: String, ask: String
    }

    static func env(_ now: String) -> [String: String] { ["BATON_NOW": now] }

    static func makeWorld() throws -> World {
        let team = try Team(["priya", "tom", "maria"])
        let (priya, tom, maria) = team.threeZones()

        // A task nobody touched for weeks.
        let stale = try Checks.requireID(
            try priya.ok(["task", "add", "Old cleanup"], env: env("2026-11-01T10:00:00+05:30")))
        let p = env("2026-11-23T19:00:00+05:30")
        try priya.ok(["note", "migrated the orders table"], env: p)
        let backfill = try Checks.requireID(
            try priya.ok(["task", "add", "Backfill orders", "--due", "2026-11-24"], env: p))
        try priya.ok(["task", "start", backfill], env: p)
        try priya.ok(["task", "block", backfill, "--reason", "waiting on API keys"], env: p)
        let ask = try Checks.requireID(
            try priya.ok(["ask", "tom", "Review #42?", "--within", "24h", "--force"], env: p))
        // 01:30 in Bangalore is still the 23rd in UTC: the note belongs to Priya's 24th.
        try priya.ok(
            ["note", "late night: backfill dry run \u{1B}[31mred\u{1B}[0m"], env: env("2026-11-24T01:30:00+05:30"))
        try priya.sync()

        try tom.sync()
        try tom.ok(["note", "reviewing the migration"], env: env("2026-11-24T09:00:00+01:00"))
        // Tom unblocks the task by hand, with vim and plain git.
        let path = "tasks/\(backfill).md"
        let text = try #require(tom.read(path))
        let edited = text.replacingOccurrences(of: "status: blocked", with: "status: doing")
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("blocked_reason:") }
            .joined(separator: "\n")
        try Files.write(edited, to: tom.path(path))
        try tom.git.check(
            ["commit", "-am", "keys arrived, back on it"], in: tom.journal,
            env: Git.dated("2026-11-24T10:00:00+01:00"))
        try tom.ok(["reply", ask, "Looks good", "--done"], env: env("2026-11-25T12:00:00+01:00"))
        try tom.sync()
        try priya.sync()
        try maria.sync()
        return World(team: team, priya: priya, tom: tom, maria: maria, backfill: backfill, stale: stale, ask: ask)
    }

    static let mariaNow = env("2026-11-25T09:00:00-08:00")

    @Test("history: one line per event with who and when, hand edits included")
    func history() throws {
        let w = try Self.makeWorld()
        defer { w.team.shutdown() }
        let text = try w.maria.ok(["history", w.backfill, "--tz", "Asia/Kolkata"]).stdout
        #expect(
            text == """
                \(w.backfill)  Backfill orders
                  2026-11-23 19:00 +05:30  priya: created "Backfill orders" (status todo, owner priya, due 2026-11-24)
                  2026-11-23 19:00 +05:30  priya: started (status: todo → doing)
                  2026-11-23 19:00 +05:30  priya: blocked: waiting on API keys (status: doing → blocked, \
                blocked_reason: – → waiting on API keys)
                  2026-11-24 14:30 +05:30 (10:00 tom's time)  tom: status: blocked → doing, blocked_reason: waiting on API \
                keys → –

                """, "the hand edit is Tom's, one line")

        let json = try w.maria.ok(["history", w.backfill, "--json"]).stdout
        let events = try Checks.historyEvents(json)
        let statuses = events.filter { $0["field"] as? String == "status" }
        #expect(
            statuses.map { "\($0["author"]!):\($0["old"]!)>\($0["new"]!)" }
                == ["priya:todo>doing", "priya:doing>blocked", "tom:blocked>doing"])
        #expect(statuses.map { $0["log"] as? String } == ["started", "blocked: waiting on API keys", nil])
        #expect((events.first?["fields"] as? [String: String])?["status"] == "todo")
        // Times are shown in the reader's zone (Maria's, Los Angeles).
        #expect(statuses[0]["at"] as? String == "2026-11-23T05:30:00-08:00")
    }

    @Test("log: one line per change, filtered by member")
    func log() throws {
        let w = try Self.makeWorld()
        defer { w.team.shutdown() }
        let all = try w.maria.ok(["log"]).stdout
        #expect(all.contains("note 2026-11-24  Today: late night: backfill dry run"), "\(all)")
        #expect(!all.contains("\u{1B}"), "escape sequences must not reach the terminal")
        let tom = try w.maria.ok(["log", "--member", "tom", "--since", "2026-11-24"]).stdout
        let lines = tom.split(separator: "\n")
        #expect(lines.allSatisfy { $0.contains("  tom  ") }, "\(tom)")
        #expect(tom.contains("status: blocked → doing"))
        #expect(tom.contains("replied: Looks good (done) (status: todo → done)"), "\(tom)")
        #expect(!tom.contains("priya"))
        Checks.expectCleanFailure(w.maria.baton(["log", "--member", "Not A Handle"]), exitCode: 64)
    }

    @Test("digest: every planted fact, in text, markdown, JSON and HTML")
    func digest() throws {
        let w = try Self.makeWorld()
        defer { w.team.shutdown() }
        let args = ["digest", "--since", "2026-11-19", "--until", "2026-11-25"]
        let json = try w.maria.ok(args + ["--format", "json"], env: Self.mariaNow).stdout
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        for key in [
            "team", "since", "until", "timezone", "generated", "stale_days", "people", "blocked", "overdue", "stale",
            "late_asks",
        ] {
            #expect(root[key] != nil, "digest JSON lacks \(key)")
        }
        #expect(root["timezone"] as? String == "America/Los_Angeles")
        let people = try #require(root["people"] as? [[String: Any]])
        func person(_ h: String) -> [String: Any]? { people.first { $0["handle"] as? String == h } }
        let priya = try #require(person("priya"))
        let priyaNotes = try #require(priya["notes"] as? [[String: Any]])
        #expect(
            priyaNotes.compactMap { $0["day"] as? String } == ["2026-11-23", "2026-11-24"], "notes by the author's day")
        let raised = try #require(priya["blockers_raised"] as? [[String: Any]])
        #expect(raised.first?["reason"] as? String == "waiting on API keys")
        #expect(raised.first?["task"] as? String == w.backfill)
        let tom = try #require(person("tom"))
        let cleared = try #require(tom["blockers_cleared"] as? [[String: Any]])
        #expect(cleared.first?["task"] as? String == w.backfill, "Tom's hand edit cleared the block")
        let tomChanges = try #require(tom["status_changes"] as? [[String: Any]])
        #expect(tomChanges.contains { $0["from"] as? String == "blocked" && $0["to"] as? String == "doing" })
        #expect(tomChanges.contains { $0["task"] as? String == w.ask && $0["to"] as? String == "done" })
        let overdue = try #require(root["overdue"] as? [[String: Any]])
        #expect(overdue.map { $0["task"] as? String } == [w.backfill])
        let stale = try #require(root["stale"] as? [[String: Any]])
        #expect(stale.map { $0["task"] as? String } == [w.stale])
        let late = try #require(root["late_asks"] as? [[String: Any]])
        #expect(late.map { $0["ask"] as? String } == [w.ask])
        #expect(late.first?["answered_by"] as? String == "tom")
        #expect(late.first?["respond_by"] as? String == "2026-11-24T05:30:00-08:00", "times in the reader's zone")

        let text = try w.maria.ok(args, env: Self.mariaNow).stdout
        for fact in [
            "Overdue (1)", "Backfill orders", "Asks past their respond-by (1)", "answered late by tom",
            "Old cleanup", "late night: backfill dry run", "Blockers raised", "waiting on API keys", "Blockers cleared",
        ] {
            #expect(text.contains(fact), "text digest lacks \(fact):\n\(text)")
        }
        #expect(!text.contains("\u{1B}"), "escape sequences from notes must be neutralised")

        let markdown = try w.maria.ok(args + ["--format", "markdown"], env: Self.mariaNow).stdout
        #expect(markdown.hasPrefix("# "))
        for fact in ["## priya", "## tom", "### Overdue (1)", "`\(w.backfill)` Backfill orders", "Review #42?"] {
            #expect(markdown.contains(fact), "markdown digest lacks \(fact):\n\(markdown)")
        }
        #expect(!markdown.contains("\u{1B}"))

        let html = try w.maria.ok(args + ["--format", "html"], env: Self.mariaNow).stdout
        #expect(html.contains("Content-Security-Policy"))
        #expect(html.contains("Backfill orders") && html.contains("waiting on API keys"))
        #expect(!html.contains("<script"))

        let onlyTom = try w.maria.ok(args + ["--format", "json", "--member", "tom"], env: Self.mariaNow).stdout
        let tomRoot = try #require(try JSONSerialization.jsonObject(with: Data(onlyTom.utf8)) as? [String: Any])
        #expect((tomRoot["people"] as? [[String: Any]])?.compactMap { $0["handle"] as? String } == ["tom"])
        w.team.expectHealthy()
    }

    @Test("Reading walks the history fast on a journal with many commits")
    func speed() throws {
        let (team, alice) = try Team.solo("alice")
        defer { team.shutdown() }
        // 500 commits made quickly with plain git: a task file rewritten again and again, and notes.
        let script = """
            set -e
            for i in $(seq 1 500); do
              d=$(printf '2026-%02d-%02d' $(( (i / 28) % 12 + 1 )) $(( i % 28 + 1 )))
              mkdir -p notes/alice/2026
              printf -- '---\\nauthor: alice\\ndate: %s\\nutc_offset: "+00:00"\\n---\\n\\n## Today\\n\\n- 09:00 step %s\\n' $d $i > notes/alice/2026/$d.md
              git add -A && git commit -qm "note: alice $d"
            done
            """
        let gen = ProcessRunner.run(
            executable: "/bin/sh", arguments: ["-c", script], directory: alice.journal,
            environment: alice.sandbox.variables(), timeout: 300)
        try #require(gen.status == 0, "\(gen)")
        let log = try alice.ok(["log"])
        #expect(log.duration < 20, "baton log took \(log.duration) s")
        #expect(log.stdout.contains("step 500"))
        let id = try alice.addTask("One task")
        let history = try alice.ok(["history", id])
        #expect(history.duration < 10, "baton history took \(history.duration) s")
    }
}
