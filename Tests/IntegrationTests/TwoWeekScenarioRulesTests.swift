import Foundation
import TestSupport
import Testing

/// Each rule of issue 12's "What must be true" read from the one planted two-week scenario (`TwoWeekScenario`,
/// built once), in text, Markdown, JSON, HTML and the site, with exact values worked out from the planted
/// instants. The reader is tom in Berlin on Monday 2026-11-30 09:00 (08:00Z), unless a check says otherwise;
/// the response windows are checked on the same scenario by `ResponsivenessScenarioTests`.
@Suite("The rules of reading over the planted two weeks", .serialized)
struct TwoWeekScenarioRulesTests {
    static let reading = ["BATON_NOW": TwoWeekScenario.now]
    /// sam in San Francisco at the same instant (Monday 00:00 there).
    static let readingInSanFrancisco = ["BATON_NOW": "2026-11-30T00:00:00-08:00"]
    /// Why the mistyped task file does not read, as every view says it.
    static func reason(_ path: String) -> String {
        "the front matter cannot be read (status \"blokced\" is not one of todo, doing, blocked, done, "
            + "dropped); fix the YAML between the --- lines, or run `git checkout -- \(path)` to undo a hand edit"
    }

    @Test("one clock, one calendar, unreadable files, hand-offs, the roster and history, in every format")
    func rules() throws {
        let scenario = try TwoWeekScenario()
        defer { scenario.shutdown() }
        let site = scenario.team.folder.sub("site")
        try scenario["tom"].ok(["site", site], env: Self.reading)
        try checkOneClock(scenario)
        try checkOneCalendar(scenario, site: site)
        try checkUnreadable(scenario, site: site)
        try checkHandoffsAndCounts(scenario)
        try checkRoster(scenario, site: site)
        try checkHistory(scenario)
        // Last: it changes the journal.
        try checkHandEditFixed(scenario)
    }

    static func json(_ result: CommandResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func person(_ digest: [String: Any], _ handle: String) throws -> [String: Any] {
        let people = try #require(digest["people"] as? [[String: Any]])
        return try #require(people.first { $0["handle"] as? String == handle }, "no \(handle) in the digest")
    }

    /// The `today` bullets of each of `handle`'s notes in a JSON digest, by day: text, `at` and `local_at`.
    static func bullets(_ digest: [String: Any], _ handle: String) throws -> [String: [[String]]] {
        let notes = try #require(try person(digest, handle)["notes"] as? [[String: Any]])
        var days: [String: [[String]]] = [:]
        for note in notes {
            let sections = try #require(note["sections"] as? [String: [[String: Any]]])
            days[note["day"] as? String ?? "?"] = (sections["today"] ?? []).map {
                [$0["text"] as? String ?? "?", $0["at"] as? String ?? "?", $0["local_at"] as? String ?? "?"]
            }
        }
        return days
    }

    // MARK: - one clock

    /// Times in the reader's zone (Berlin, +01:00), the author's own where it differs; JSON with offsets.
    func checkOneClock(_ scenario: TwoWeekScenario) throws {
        let tom = scenario["tom"]
        let backfill = scenario.id("backfill")
        let text = try tom.ok(["digest"], env: Self.reading).stdout
        #expect(
            text.contains(
                "Times in Europe/Berlin (+01:00), with the author's own time where it differs; each event counts on "
                    + "its author's local day. Generated 2026-11-30 09:00 +01:00."), "\(text)")
        // priya's 09:00 in Bangalore (03:30Z) is 04:30 in Berlin; sam's 09:00 in San Francisco (17:00Z) 18:00;
        // tom's own 11:01 needs no second time.
        #expect(text.contains("  Note 2026-11-23 (mon)\n    Today\n      - 04:30 (09:00 priya's time) week two"))
        #expect(text.contains("  Note 2026-11-23 (mon)\n    Today\n      - 18:00 (09:00 sam's time) monday"))
        #expect(text.contains("  Note 2026-11-23 (mon)\n    Today\n      - 11:01 asked lena for the budget"))
        // sam blocks the backfill at 08:30 his time (16:30Z).
        #expect(
            text.contains(
                "  Status changes\n    - 2026-11-24 17:30 +01:00 (08:30 sam's time) \(backfill) Backfill orders: "
                    + "todo → blocked"), "\(text)")
        // a4 answered by sam on Wednesday 08:00 his time (16:00Z).
        #expect(text.contains("answered late by sam at 2026-11-25 17:00 +01:00 (08:00 sam's time)"))

        let md = try tom.ok(["digest", "--format", "markdown"], env: Self.reading).stdout
        #expect(md.contains("Times in Europe/Berlin (+01:00), with the author's own time where it differs;"))
        #expect(md.contains("### Note 2026-11-23 (mon)\n*Today*\n  - 04:30 (09:00 priya's time) week two"), "\(md)")
        #expect(
            md.contains(
                "### Status changes\n- 2026-11-24 17:30 +01:00 (08:30 sam's time) `\(backfill)` Backfill orders: "
                    + "todo → blocked"), "\(md)")

        let json = try Self.json(try tom.ok(["digest", "--format", "json"], env: Self.reading))
        #expect(json["timezone"] as? String == "Europe/Berlin")
        #expect(json["generated"] as? String == "2026-11-30T09:00:00+01:00")
        let priya = try Self.person(json, "priya")
        let notes = try #require(priya["notes"] as? [[String: Any]])
        let monday = try #require((notes.first?["sections"] as? [String: Any])?["today"] as? [[String: String]])
        #expect(
            monday == [
                [
                    "time": "09:00", "text": "week two", "at": "2026-11-23T04:30:00+01:00",
                    "local_at": "2026-11-23T09:00:00+05:30",
                ]
            ])
        let changes = try #require(try Self.person(json, "sam")["status_changes"] as? [[String: String]])
        #expect(
            changes.first == [
                "task": backfill, "title": "Backfill orders", "from": "todo", "to": "blocked", "by": "sam",
                "at": "2026-11-24T17:30:00+01:00", "local_at": "2026-11-24T08:30:00-08:00", "day": "2026-11-24",
            ])
    }

    // MARK: - one calendar

    /// Each event on its author's local day; the week Monday to Sunday; Monday's digest is last week's.
    func checkOneCalendar(_ scenario: TwoWeekScenario, site: String) throws {
        let tom = scenario["tom"]
        func period(_ args: [String]) throws -> [String] {
            let json = try Self.json(try tom.ok(["digest", "--format", "json"] + args, env: Self.reading))
            let p = try #require(json["period"] as? [String: Any])
            return [
                json["since"] as? String ?? "?", json["until"] as? String ?? "?", p["kind"] as? String ?? "?",
                p["week"] as? String ?? "null", p["label"] as? String ?? "?",
            ]
        }
        let lastWeek = [
            "2026-11-23", "2026-11-29", "last_week", "2026-W48", "Last week (2026-W48): Mon 23 Nov to Sun 29 Nov 2026",
        ]
        // On a Monday the default is last week, and the header says so.
        #expect(try period([]) == lastWeek)
        #expect(try period(["--last-week"]) == lastWeek)
        #expect(
            try period(["--week"]) == [
                "2026-11-30", "2026-11-30", "this_week_so_far", "2026-W49",
                "This week so far (2026-W49): Mon 30 Nov 2026",
            ])
        // Seven days ending today: Tuesday 24 to Monday 30.
        #expect(
            try period(["--since", "7d"]) == [
                "2026-11-24", "2026-11-30", "days", "null", "7 days: Tue 24 Nov to Mon 30 Nov 2026",
            ])
        let text = try tom.ok(["digest"], env: Self.reading).stdout
        #expect(
            text.hasPrefix(
                "team: digest 2026-11-23 to 2026-11-29\nLast week (2026-W48): Mon 23 Nov to Sun 29 Nov 2026.\n"))
        let md = try tom.ok(["digest", "--format", "markdown"], env: Self.reading).stdout
        #expect(
            md.hasPrefix(
                "# team: digest 2026-11-23 to 2026-11-29\nLast week (2026-W48): Mon 23 Nov to Sun 29 Nov 2026.\n"))

        // Read in San Francisco, where priya's Thursday 00:30 is Wednesday 11:00 and tom's Saturday 00:30 is
        // Friday 15:30: each still belongs to its author's day.
        let sam = scenario["sam"]
        func day(_ day: String, _ format: String = "json") throws -> CommandResult {
            try sam.ok(["digest", "--format", format, "--since", day, "--until", day], env: Self.readingInSanFrancisco)
        }
        let thursday = try Self.json(try day("2026-11-19"))
        #expect(
            try Self.bullets(thursday, "priya") == [
                "2026-11-19": [
                    ["after midnight: wrote the index plan", "2026-11-18T11:00:00-08:00", "2026-11-19T00:30:00+05:30"]
                ]
            ])
        let wednesday = try Self.json(try day("2026-11-18"))
        // priya's Wednesday 09:01 (and the start of the index plan at 09:00) is Tuesday evening in San Francisco.
        #expect(
            try Self.bullets(wednesday, "priya") == [
                "2026-11-18": [["index plan unblocked", "2026-11-17T19:31:00-08:00", "2026-11-18T09:01:00+05:30"]]
            ])
        let started = try #require(try Self.person(wednesday, "priya")["status_changes"] as? [[String: String]])
        #expect(
            started.map { [$0["from"], $0["to"], $0["at"], $0["day"]] } == [
                ["blocked", "doing", "2026-11-17T19:30:00-08:00", "2026-11-18"]
            ])
        // Her Tuesday 11:00 block (05:30Z) is Monday evening in San Francisco and still her Tuesday's.
        let tuesday = try Self.json(try day("2026-11-17"))
        let blocked = try #require(try Self.person(tuesday, "priya")["status_changes"] as? [[String: String]])
        #expect(
            blocked.map { [$0["from"], $0["to"], $0["at"], $0["day"]] } == [
                ["todo", "blocked", "2026-11-16T21:30:00-08:00", "2026-11-17"]
            ])
        let saturday = try Self.json(try day("2026-11-21"))
        #expect(
            try Self.bullets(saturday, "tom") == [
                "2026-11-21": [
                    ["late: checked the 0043 counts", "2026-11-20T15:30:00-08:00", "2026-11-21T00:30:00+01:00"]
                ]
            ])
        #expect(
            (saturday["people"] as? [[String: Any]])?.compactMap { person in
                (person["notes"] as? [Any])?.isEmpty == false ? person["handle"] as? String : nil
            } == ["tom"])
        let friday = try Self.json(try day("2026-11-20"))
        #expect(
            try Self.bullets(friday, "tom") == [
                "2026-11-20": [["archive 0043 migrated", "2026-11-20T00:00:00-08:00", "2026-11-20T09:00:00+01:00"]]
            ])
        let thursdayText = try day("2026-11-19", "text").stdout
        #expect(
            thursdayText.contains(
                "  Note 2026-11-19 (thu)\n    Today\n      - Wed 18 Nov 11:00 (00:30 priya's time) "
                    + "after midnight: wrote the index plan"
            ),
            "\(thursdayText)")
        #expect(!(try day("2026-11-18", "text").stdout.contains("after midnight")))
        let saturdayMarkdown = try day("2026-11-21", "markdown").stdout
        #expect(
            saturdayMarkdown.contains(
                "### Note 2026-11-21 (sat)\n*Today*\n  - Fri 20 Nov 15:30 (00:30 tom's time) "
                    + "late: checked the 0043 counts"
            ),
            "\(saturdayMarkdown)")
        #expect(!(try day("2026-11-20", "markdown").stdout.contains("late: checked")))

        // The site: ISO weeks, each note on its author's day (tom builds it in Berlin).
        let weeks = try FileManager.default.contentsOfDirectory(atPath: site + "/weeks").sorted()
        #expect(weeks == ["2026-W47.html", "2026-W48.html", "2026-W49.html"])
        let w47 = try #require(Files.read(site + "/weeks/2026-W47.html"))
        #expect(w47.contains("<h1>Week 47, 2026 <span class=\"muted\">2026-W47</span></h1>"))
        #expect(w47.contains("Monday 2026-11-16 to Sunday 2026-11-22"))
        #expect(
            w47.contains(
                "<h3>2026-11-19 <span class=\"muted\">thu</span></h3><div class=\"section\">Today</div><ul><li>"
                    + "<time class=\"time\" datetime=\"2026-11-18T20:00:00+01:00\">Wed 18 Nov 20:00 (00:30 priya&#39;s "
                    + "time)</time> after midnight: wrote the index plan</li></ul>"), "\(w47)")
        #expect(
            w47.contains(
                "<h3>2026-11-21 <span class=\"muted\">sat</span></h3><div class=\"section\">Today</div><ul><li>"
                    + "<time class=\"time\" datetime=\"2026-11-21T00:30:00+01:00\">00:30</time> late: checked the 0043 "
                    + "counts</li>"))
        let w48 = try #require(Files.read(site + "/weeks/2026-W48.html"))
        #expect(w48.contains("Monday 2026-11-23 to Sunday 2026-11-29"))
        #expect(!w48.contains("after midnight") && !w48.contains("late: checked"))
        let overview = try #require(Files.read(site + "/index.html"))
        #expect(
            overview.contains(
                "<p class=\"meta\">Last week (2026-W48): Mon 23 Nov to Sun 29 Nov 2026 · "
                    + "times in Europe/Berlin (+01:00)"
            ), "\(overview)")
        #expect(overview.contains("<a href=\"weeks/2026-W48.html\">Week 2026-W48 in full</a>"))
    }

    // MARK: - unreadable files

    /// The mistyped task is named by every format, `check` points at its line, `sync` warned when committing it.
    func checkUnreadable(_ scenario: TwoWeekScenario, site: String) throws {
        let tom = scenario["tom"]
        let path = "tasks/\(scenario.id("staging")).md"
        let reason = Self.reason(path)
        let sync = try #require(scenario.handEditSync)
        #expect(sync.stdout.contains("committed 1 hand edit(s)"), "\(sync)")
        #expect(
            sync.stderr == "baton: warning: \(path):4: status \"blokced\" is not one of todo, doing, blocked, done, "
                + "dropped (committed as it is; views leave it out until it is fixed)\n", "\(sync)")
        // Committed as it is, dated by the file's modification time (09:45), synced at 10:00.
        let commit = tom.git(["log", "-1", "--format=%H %aI %cI %s", "--", path]).out.split(
            separator: " ", maxSplits: 3)
        #expect(
            commit.dropFirst().joined(separator: " ")
                == "2026-11-27T09:45:00-08:00 2026-11-27T10:00:00-08:00 hand edits: \(path)")
        #expect(tom.git(["show", "HEAD:\(path)"]).stdout.contains("\nstatus: blokced\n"))

        let text = try tom.ok(["digest"], env: Self.reading)
        #expect(text.stderr.contains("baton: skipped \(path): \(reason)\n"), "\(text.stderr)")
        #expect(
            text.stdout.contains("\n\nCould not read (1)\n    - \(path): \(reason)\n\nNeeds attention\n"), "\(text)")
        // It is left out of the counts: only lena's vendor task is blocked.
        #expect(
            text.stdout.contains("  Blocked (1)\n    - \(scenario.id("vendor")) Vendor contract (lena) blocked since"))
        let md = try tom.ok(["digest", "--format", "markdown"], env: Self.reading).stdout
        #expect(md.contains("\n## Could not read (1)\n- `\(path)`: \(reason)\n"), "\(md)")
        // Sam's block of it is still named by the title its file gives.
        #expect(md.contains("`\(scenario.id("staging"))` Staging deploy: todo → blocked"), "\(md)")
        let json = try Self.json(try tom.ok(["digest", "--format", "json"], env: Self.reading))
        #expect(json["unreadable"] as? [[String: String]] == [["path": path, "error": reason]])
        let html = try tom.ok(["digest", "--format", "html"], env: Self.reading).stdout
        let card =
            "<section class=\"card alert unreadable\"><h2>Could not read<span class=\"count\">1</span></h2>"
            + "<ul class=\"items\"><li><code>\(path)</code>: "
            + reason.replacingOccurrences(of: "\"", with: "&quot;") + "</li></ul></section>"
        #expect(html.contains(card), "\(html)")
        let overview = try #require(Files.read(site + "/index.html"))
        #expect(overview.contains(card), "\(overview)")

        let check = tom.baton(["check"], env: Self.reading)
        #expect(check.status == 65, "\(check)")
        #expect(check.stdout == "\(path):4: status \"blokced\" is not one of todo, doing, blocked, done, dropped\n")
        #expect(check.stderrLines.last == "baton: 1 file(s) cannot be read; fix the line named, then `baton sync`")

        // Its history is still told from the versions that read, and the file is named.
        let staging = scenario.id("staging")
        let history = try tom.ok(["history", staging], env: Self.reading)
        #expect(
            history.stdout == """
                \(staging)  Staging deploy
                  2026-11-16 18:05 +01:00 (09:05 sam's time)  sam: created "Staging deploy" (status todo, owner sam)
                  2026-11-27 18:30 +01:00 (09:30 sam's time)  sam: blocked: cluster quota (status: todo → blocked, \
                blocked_reason: – → cluster quota)

                """, "\(history)")
        #expect(history.stderr.contains("baton: skipped \(path): \(reason)\n"), "\(history)")
        let historyJSON = try Self.json(try tom.ok(["history", staging, "--json"], env: Self.reading))
        #expect((historyJSON["unreadable"] as? [[String: String]])?.contains(["path": path, "error": reason]) == true)

        // `log --json` names the old version it skipped, by its commit.
        let hash = try #require(commit.first.map(String.init))
        let log = try Self.json(try tom.ok(["log", "--json", "--since", "2026-11-27"], env: Self.reading))
        #expect(log.keys.sorted() == ["events", "unreadable"])
        let skipped = try #require(log["unreadable"] as? [[String: String]])
        #expect(
            skipped.contains([
                "path": path,
                "error":
                    "as of commit \(hash.prefix(8)): status \"blokced\" is not one of todo, doing, blocked, done, "
                    + "dropped",
            ]), "\(skipped)")
        #expect(skipped.contains(["path": path, "error": reason]))
    }

    // MARK: - hand-offs and counts

    /// Last week (23 to 29): tom hands the partition to sam on Thursday 09:05; notes are days with a bullet.
    func checkHandoffsAndCounts(_ scenario: TwoWeekScenario) throws {
        let tom = scenario["tom"]
        let partition = scenario.id("partition")
        let note = "0043-0044 done, 0045 left"
        // priya: notes Mon to Thu, answered a7. tom: notes Mon to Fri, handed on the partition, asked a6.
        // lena: notes Mon, Wed, Thu, asked a4. sam: notes Mon to Fri, finished the partition, asked a7, answered a4.
        let counts = [
            "lena": "3 notes · 0 tasks created · 0 done · 0 handed on · 1 ask made · 0 answered",
            "priya": "4 notes · 0 tasks created · 0 done · 0 handed on · 0 asks made · 1 answered",
            "sam": "5 notes · 0 tasks created · 1 done · 0 handed on · 1 ask made · 1 answered",
            "tom": "5 notes · 0 tasks created · 0 done · 1 handed on · 1 ask made · 0 answered",
        ]
        let text = try tom.ok(["digest"], env: Self.reading).stdout
        for (handle, line) in counts {
            #expect(text.contains("\n\(handle)\n    Counts: \(line)\n"), "\(handle):\n\(text)")
        }
        #expect(
            text.contains(
                "  Hand-offs given\n    - 2026-11-26 09:05 +01:00 \(partition) Partition archive → sam: \(note)"),
            "\(text)")
        #expect(
            text.contains(
                "  Hand-offs received\n    - 2026-11-26 09:05 +01:00 \(partition) Partition archive from tom: \(note)"))
        #expect(text.components(separatedBy: "Hand-offs").count == 3, "one given, one received")
        // The week before: priya's hand-off at 18:41 in Bangalore (13:11Z), with her own time.
        let weekOne = try tom.ok(["digest", "--since", "2026-11-16", "--until", "2026-11-22"], env: Self.reading).stdout
        let first = "\(partition) Partition archive"
        #expect(
            weekOne.contains(
                "  Hand-offs given\n    - 2026-11-16 14:11 +01:00 (18:41 priya's time) \(first) → tom: "
                    + "migrations done up to 0042, 0043-0045 left\n"), "\(weekOne)")
        #expect(
            weekOne.contains(
                "  Hand-offs received\n    - 2026-11-16 14:11 +01:00 (18:41 priya's time) \(first) from priya: "
                    + "migrations done up to 0042, 0043-0045 left\n"))

        let md = try tom.ok(["digest", "--format", "markdown"], env: Self.reading).stdout
        for (handle, line) in counts {
            #expect(md.contains("\n## \(handle)\nCounts: \(line)\n"), "\(handle):\n\(md)")
        }
        #expect(
            md.contains(
                "### Hand-offs given\n- 2026-11-26 09:05 +01:00 `\(partition)` Partition archive → sam: \(note)"),
            "\(md)")
        #expect(
            md.contains(
                "### Hand-offs received\n- 2026-11-26 09:05 +01:00 `\(partition)` Partition archive from tom: \(note)"))

        let json = try Self.json(try tom.ok(["digest", "--format", "json"], env: Self.reading))
        let handoff = [
            "task": partition, "title": "Partition archive", "from": "tom", "to": "sam", "note": note,
            "at": "2026-11-26T09:05:00+01:00",
        ]
        let expected: [String: (given: [[String: String]], received: [[String: String]], counts: [Int])] = [
            "lena": ([], [], [3, 0, 0, 0, 1, 0]), "priya": ([], [], [4, 0, 0, 0, 0, 1]),
            "sam": ([], [handoff], [5, 0, 1, 0, 1, 1]), "tom": ([handoff], [], [5, 0, 0, 1, 1, 0]),
        ]
        let keys = ["notes", "tasks_created", "tasks_done", "handed_on", "asks_made", "asks_answered"]
        for (handle, want) in expected {
            let person = try Self.person(json, handle)
            #expect(person["handoffs_given"] as? [[String: String]] == want.given, "\(handle)")
            #expect(person["handoffs_received"] as? [[String: String]] == want.received, "\(handle)")
            let c = try #require(person["counts"] as? [String: Int])
            #expect(keys.map { c[$0] ?? -1 } == want.counts, "\(handle)")
        }
    }

    // MARK: - the roster

    /// Missing notes: priya Fri 27 and lena Tue 24 last week, sam Fri 20 the week before; lena's Fridays are
    /// not hers to post on.
    func checkRoster(_ scenario: TwoWeekScenario, site: String) throws {
        let tom = scenario["tom"]
        let text = try tom.ok(["digest"], env: Self.reading).stdout
        #expect(
            text.contains(
                "  No note on a working day (2)\n    - no note from priya on Fri 27\n"
                    + "    - no note from lena on Tue 24\n"
            ),
            "\(text)")
        let md = try tom.ok(["digest", "--format", "markdown"], env: Self.reading).stdout
        #expect(
            md.contains(
                "### No note on a working day (2)\n- no note from priya on Fri 27\n- no note from lena on Tue 24\n"),
            "\(md)")
        func missing(_ object: [String: Any]) -> [[String: String]]? {
            object["missing_notes"] as? [[String: String]]
        }
        let json = try Self.json(try tom.ok(["digest", "--format", "json"], env: Self.reading))
        #expect(missing(json) == [["member": "priya", "day": "2026-11-27"], ["member": "lena", "day": "2026-11-24"]])
        let twoWeeks = try Self.json(
            try tom.ok(
                ["digest", "--format", "json", "--since", "2026-11-16", "--until", "2026-11-27"], env: Self.reading))
        #expect(
            missing(twoWeeks) == [
                ["member": "priya", "day": "2026-11-27"], ["member": "lena", "day": "2026-11-24"],
                ["member": "sam", "day": "2026-11-20"],
            ])
        let overview = try #require(Files.read(site + "/index.html"))
        #expect(
            overview.contains(
                "<section class=\"card alert missing-notes\"><h2>No note on a working day<span class=\"count\">2</span>"
                    + "</h2><ul class=\"items\"><li><a href=\"people/priya.html\">priya</a>: no note on Fri 2026-11-27"
                    + "</li><li><a href=\"people/lena.html\">lena</a>: no note on Tue 2026-11-24</li></ul></section>"),
            "\(overview)")

        let friday = try tom.ok(["standup", "--date", "2026-11-27"], env: Self.reading).stdout
        #expect(friday.hasSuffix("No note\n    - no note from priya on Fri 27\n"), "\(friday)")
        let friday20 = try Self.json(try tom.ok(["standup", "--date", "2026-11-20", "--json"], env: Self.reading))
        #expect(missing(friday20) == [["member": "sam", "day": "2026-11-20"]])
        let tuesday = try tom.ok(["standup", "--date", "2026-11-24", "--markdown"], env: Self.reading).stdout
        #expect(tuesday.contains("- no note from lena on Tue 24"), "\(tuesday)")
        #expect(!tuesday.contains("no note from priya") && !tuesday.contains("no note from sam"))
    }

    // MARK: - history

    /// The concurrent start (tom, 08:00Z) and block (sam, 16:30Z) of the backfill read as one settled line.
    func checkHistory(_ scenario: TwoWeekScenario) throws {
        let tom = scenario["tom"]
        let backfill = scenario.id("backfill")
        let history = try tom.ok(["history", backfill], env: Self.reading).stdout
        #expect(
            history == """
                \(backfill)  Backfill orders
                  2026-11-16 09:10 +01:00  tom: created "Backfill orders" (status todo, owner tom)
                  2026-11-24 17:30 +01:00 (08:30 sam's time)  sam: status: doing (tom) vs blocked (sam): blocked kept
                  2026-11-26 09:00 +01:00  tom: started (status: blocked → doing, blocked_reason: \
                staging credentials → –)

                """, "\(history)")
        let json = try Self.json(try tom.ok(["history", backfill, "--json"], env: Self.reading))
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(
            events.map { $0["at"] as? String } == [
                "2026-11-16T09:10:00+01:00", "2026-11-24T17:30:00+01:00", "2026-11-26T09:00:00+01:00",
            ])
        #expect(events.map { $0["local_at"] as? String }[1] == "2026-11-24T08:30:00-08:00")
    }

    /// sam fixes the typo by hand (and adds a ticket to the reason) at 09:45 his time on Monday 30, and syncs
    /// at 10:00: no warning, `check` is clean, and the history tells the fix, dated when the file was changed.
    func checkHandEditFixed(_ scenario: TwoWeekScenario) throws {
        let sam = scenario["sam"]
        let path = "tasks/\(scenario.id("staging")).md"
        let text = try #require(sam.read(path))
        try Files.write(
            text.replacingOccurrences(of: "\nstatus: blokced\n", with: "\nstatus: blocked\n")
                .replacingOccurrences(
                    of: "\nblocked_reason: cluster quota\n", with: "\nblocked_reason: cluster quota, ticket 4411\n"),
            to: sam.path(path))
        let edited = try #require(ISO8601DateFormatter().date(from: "2026-11-30T17:45:00Z"))
        try FileManager.default.setAttributes([.modificationDate: edited], ofItemAtPath: sam.path(path))
        let sync = try sam.ok(["sync"], env: ["BATON_NOW": "2026-11-30T10:00:00-08:00"])
        #expect(sync.stderr.isEmpty, "\(sync)")
        let check = try sam.ok(["check"], env: ["BATON_NOW": "2026-11-30T10:00:00-08:00"])
        #expect(check.stdout == "Every task, note and baton.yml reads.\n")

        let tom = scenario["tom"]
        let evening = ["BATON_NOW": "2026-11-30T19:00:00+01:00"]
        try tom.ok(["sync"], env: evening)
        let history = try tom.ok(["history", scenario.id("staging")], env: evening)
        #expect(
            history.stdout == """
                \(scenario.id("staging"))  Staging deploy
                  2026-11-16 18:05 +01:00 (09:05 sam's time)  sam: created "Staging deploy" (status todo, owner sam)
                  2026-11-27 18:30 +01:00 (09:30 sam's time)  sam: blocked: cluster quota (status: todo → blocked, \
                blocked_reason: – → cluster quota)
                  2026-11-30 18:45 +01:00 (09:45 sam's time)  sam: blocked_reason: cluster quota → \
                cluster quota, ticket 4411

                """, "\(history)")
        // The mistyped version in between is named, not silently dropped.
        #expect(history.stderr.contains("baton: skipped \(path) as of commit "), "\(history)")
    }
}
