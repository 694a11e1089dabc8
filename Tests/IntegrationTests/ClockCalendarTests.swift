import Foundation
import TestSupport
import Testing

/// One clock and one calendar through the built binary: a team in Bangalore, Berlin and San Francisco, a note
/// written after midnight in Bangalore, a Sunday-evening note in San Francisco that is Monday elsewhere, read by
/// a manager in San Francisco on a Monday morning (BATON_NOW fixed).
@Suite("Clock and calendar: reader's zone, author's day, one week", .serialized)
struct ClockCalendarTests {
    struct World {
        let team: Team
        let priya: Person, tom: Person, maria: Person
        let backfill: String
    }

    static func at(_ iso: String) -> [String: String] { ["BATON_NOW": iso] }
    /// Monday 2026-11-23, 08:00 in San Francisco (17:00 in Berlin, the team's zone).
    static let mondayMorning = at("2026-11-23T08:00:00-08:00")

    static func makeWorld() throws -> World {
        let team = try Team(["priya", "tom", "maria"])
        let (priya, tom, maria) = team.threeZones()
        try Files.write(
            """
            team: Relay
            timezone: Europe/Berlin
            members:
              - handle: priya
                zone: Asia/Kolkata
              - handle: tom
                zone: Europe/Berlin
              - handle: maria
                zone: America/Los_Angeles

            """, to: priya.path("baton.yml"))
        try priya.git.check(
            ["commit", "-qam", "roster"], in: priya.journal, env: Git.dated("2026-11-15T10:00:00+05:30"))
        try priya.ok(["note", "handed partition archive to Tom #42"], env: at("2026-11-16T18:44:00+05:30"))
        // 00:30 on Tuesday in Bangalore: Monday 11:00 in San Francisco, but Priya's Tuesday.
        try priya.ok(["note", "dry run after midnight"], env: at("2026-11-17T00:30:00+05:30"))
        let backfill = try Checks.requireID(
            try priya.ok(["task", "add", "Backfill orders"], env: at("2026-11-17T00:40:00+05:30")))
        try priya.ok(["task", "start", backfill], env: at("2026-11-17T00:40:00+05:30"))
        try priya.sync()
        try tom.sync()
        try tom.ok(["note", "reviewing the migration"], env: at("2026-11-16T09:00:00+01:00"))
        try tom.sync()
        try maria.sync()
        // Sunday 20:00 in San Francisco is Monday already in Berlin and Bangalore: Maria's Sunday.
        try maria.ok(["note", "weekend fix for the pager"], env: at("2026-11-22T20:00:00-08:00"))
        try maria.sync()
        try priya.sync()
        try tom.sync()
        return World(team: team, priya: priya, tom: tom, maria: maria, backfill: backfill)
    }

    /// The digest's JSON decoded.
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("On a Monday the digest reads last week, by authors' days, in the reader's zone with the author's time")
    func mondayDigest() throws {
        let w = try Self.makeWorld()
        defer { w.team.shutdown() }
        let text = try w.maria.ok(["digest"], env: Self.mondayMorning).stdout
        let expected = """
            Relay: digest 2026-11-16 to 2026-11-22
            Last week (2026-W47): Mon 16 Nov to Sun 22 Nov 2026.
            Times in America/Los_Angeles (-08:00), with the author's own time where it differs; each event counts \
            on its author's local day. Generated 2026-11-23 08:00 -08:00.

            Needs attention
              Blocked (0)
                - nothing blocked
              Overdue (0)
                - nothing overdue
              Asks past their respond-by (0)
                - every ask answered in time
              Stale, not updated for 7+ days (0)
                - none
              No note on a working day (12)
                - no note from priya on Wed 18
                - no note from priya on Thu 19
                - no note from priya on Fri 20
                - no note from tom on Tue 17
                - no note from tom on Wed 18
                - no note from tom on Thu 19
                - no note from tom on Fri 20
                - no note from maria on Mon 16
                - no note from maria on Tue 17
                - no note from maria on Wed 18
                - no note from maria on Thu 19
                - no note from maria on Fri 20

            Response windows
            Asks made in the period, by who was asked; median and p90 of the time to first answer (nearest rank).
                responder  received  answered  in window  median  p90  waiting past window
                team              0         0          0       –    –                    0
              Participation (working days with a note)
                - maria 0/5
                - priya 2/5
                - tom 1/5
              Blockers
                - cleared in the period: 0 (open for median –, longest –)
                - still open: 0 (longest –)

            maria
                Counts: 1 note · 0 tasks created · 0 done · 0 handed on · 0 asks made · 0 answered
              Note 2026-11-22 (sun)
                Today
                  - 20:00 weekend fix for the pager

            priya
                Counts: 2 notes · 1 task created · 0 done · 0 handed on · 0 asks made · 0 answered
              Note 2026-11-16 (mon)
                Today
                  - 05:14 (18:44 priya's time) handed partition archive to Tom #42
              Note 2026-11-17 (tue)
                Today
                  - Mon 16 Nov 11:00 (00:30 priya's time) dry run after midnight
              Status changes
                - 2026-11-16 11:10 -08:00 (Tue 17 Nov 00:40 priya's time) {id} Backfill orders: todo → doing

            tom
                Counts: 1 note · 0 tasks created · 0 done · 0 handed on · 0 asks made · 0 answered
              Note 2026-11-16 (mon)
                Today
                  - 00:00 (09:00 tom's time) reviewing the migration

            """
        #expect(text == expected.replacingOccurrences(of: "{id}", with: w.backfill))
        let lastWeek = try w.maria.ok(["digest", "--last-week"], env: Self.mondayMorning).stdout
        #expect(lastWeek == text, "--last-week is the Monday default")
        w.team.expectHealthy()
    }

    @Test("A Bangalore Tuesday after midnight: the note and the status change are both in Tuesday, in every format")
    func afterMidnight() throws {
        let w = try Self.makeWorld()
        defer { w.team.shutdown() }
        let tuesday = ["digest", "--since", "2026-11-17", "--until", "2026-11-17"]
        let markdown = try w.maria.ok(tuesday + ["--format", "markdown"], env: Self.mondayMorning).stdout
        let expected = """
            # Relay: digest 2026-11-17 to 2026-11-17
            1 day: Tue 17 Nov 2026.
            Times in America/Los_Angeles (-08:00), with the author's own time where it differs; each event counts \
            on its author's local day. Generated 2026-11-23 08:00 -08:00.

            ## Needs attention

            ### Blocked (0)
            - nothing blocked

            ### Overdue (0)
            - nothing overdue

            ### Asks past their respond-by (0)
            - every ask answered in time

            ### Stale, not updated for 7+ days (0)
            - none

            ### No note on a working day (2)
            - no note from tom on Tue 17
            - no note from maria on Tue 17

            ## Response windows
            Asks made in the period, by who was asked; median and p90 of the time to first answer (nearest rank).

            | responder | received | answered | in window | median | p90 | waiting past window |
            |---|---:|---:|---:|---:|---:|---:|
            | team | 0 | 0 | 0 | – | – | 0 |

            ### Participation (working days with a note)
            - maria 0/1
            - priya 1/1
            - tom 0/1

            ### Blockers
            - cleared in the period: 0 (open for median –, longest –)
            - still open: 0 (longest –)

            ## priya
            Counts: 1 note · 1 task created · 0 done · 0 handed on · 0 asks made · 0 answered

            ### Note 2026-11-17 (tue)
            *Today*
              - Mon 16 Nov 11:00 (00:30 priya's time) dry run after midnight

            ### Status changes
            - 2026-11-16 11:10 -08:00 (Tue 17 Nov 00:40 priya's time) `{id}` Backfill orders: todo → doing

            """
        #expect(markdown == expected.replacingOccurrences(of: "{id}", with: w.backfill))

        let root = try Self.json(try w.maria.ok(tuesday + ["--format", "json"], env: Self.mondayMorning).stdout)
        let people = try #require(root["people"] as? [[String: Any]])
        #expect(people.compactMap { $0["handle"] as? String } == ["priya"])
        let notes = try #require(people.first?["notes"] as? [[String: Any]])
        let sections = try #require(notes.first?["sections"] as? [String: Any])
        let bullet = try #require((sections["today"] as? [[String: Any]])?.first)
        #expect(bullet["at"] as? String == "2026-11-16T11:00:00-08:00")
        #expect(bullet["local_at"] as? String == "2026-11-17T00:30:00+05:30")
        #expect(bullet["time"] as? String == "00:30")
        let change = try #require((people.first?["status_changes"] as? [[String: Any]])?.first)
        #expect(change["at"] as? String == "2026-11-16T11:10:00-08:00")
        #expect(change["local_at"] as? String == "2026-11-17T00:40:00+05:30")
        #expect(change["day"] as? String == "2026-11-17")
        let period = try #require(root["period"] as? [String: Any])
        #expect(period["kind"] as? String == "days")
        #expect(period["label"] as? String == "1 day: Tue 17 Nov 2026")

        // Monday alone, in San Francisco's Monday: neither Tuesday event is in it, Tom's and Priya's Monday are.
        let monday = try Self.json(
            try w.maria.ok(
                ["digest", "--since", "2026-11-16", "--until", "2026-11-16", "--format", "json"],
                env: Self.mondayMorning
            ).stdout)
        let mondayPeople = try #require(monday["people"] as? [[String: Any]])
        #expect(mondayPeople.compactMap { $0["handle"] as? String } == ["priya", "tom"])
        #expect((mondayPeople.first?["status_changes"] as? [Any])?.isEmpty == true)

        let html = try w.maria.ok(tuesday + ["--format", "html"], env: Self.mondayMorning).stdout
        #expect(html.contains(">Mon 16 Nov 11:00 (00:30 priya&#39;s time)</time>"), "\(html)")
        #expect(html.contains("1 day: Tue 17 Nov 2026. Times in America/Los_Angeles (-08:00)"))

        let standup = try w.maria.ok(["standup", "--date", "2026-11-17"], env: Self.mondayMorning).stdout
        #expect(
            standup == """
                Standup 2026-11-17
                Each person's own Tue 17 Nov; times in America/Los_Angeles, with the author's own time where it \
                differs.

                priya
                  Today
                    - Mon 16 Nov 11:00 (00:30 priya's time) dry run after midnight

                No note
                    - no note from tom on Tue 17
                    - no note from maria on Tue 17

                """)
    }

    @Test("Periods: 7d is seven days ending today, monday on a Monday is a week ago, --week and --last-week")
    func periods() throws {
        let w = try Self.makeWorld()
        defer { w.team.shutdown() }
        func period(_ args: [String]) throws -> (String?, String?, String?, String?) {
            let root = try Self.json(
                try w.maria.ok(["digest", "--format", "json"] + args, env: Self.mondayMorning).stdout)
            let period = root["period"] as? [String: Any]
            return (
                root["since"] as? String, root["until"] as? String, period?["kind"] as? String,
                period?["week"] as? String
            )
        }
        #expect(try period([]) == ("2026-11-16", "2026-11-22", "last_week", "2026-W47"))
        #expect(try period(["--last-week"]) == ("2026-11-16", "2026-11-22", "last_week", "2026-W47"))
        #expect(try period(["--week"]) == ("2026-11-23", "2026-11-23", "this_week_so_far", "2026-W48"))
        #expect(try period(["--since", "7d"]) == ("2026-11-17", "2026-11-23", "days", nil))
        #expect(try period(["--since", "monday"]) == ("2026-11-16", "2026-11-23", "days", nil))
        // On Tuesday the default is this week so far.
        let tuesday = try Self.json(
            try w.maria.ok(["digest", "--format", "json"], env: Self.at("2026-11-24T08:00:00-08:00")).stdout)
        #expect(tuesday["since"] as? String == "2026-11-23" && tuesday["until"] as? String == "2026-11-24")
        #expect((tuesday["period"] as? [String: Any])?["kind"] as? String == "this_week_so_far")

        let mixed = w.maria.baton(["digest", "--week", "--since", "monday"], env: Self.mondayMorning)
        #expect(mixed.status == 64, "\(mixed)")
        #expect(mixed.stderr.contains("use one of --week, --last-week or --since/--until"))
    }

    @Test("log --since selects by the author's day; history and log JSON carry local_at and day")
    func logByAuthorsDay() throws {
        let w = try Self.makeWorld()
        defer { w.team.shutdown() }
        let text = try w.maria.ok(["log", "--since", "2026-11-17", "--json"], env: Self.mondayMorning).stdout
        let events = try Checks.historyEvents(text)
        let days = Set(events.compactMap { $0["day"] as? String })
        #expect(days == ["2026-11-17", "2026-11-22"], "Monday's notes (Tom's, Priya's 18:44) are left out: \(days)")
        let start = try #require(events.first { $0["field"] as? String == "status" && $0["new"] as? String == "doing" })
        #expect(start["at"] as? String == "2026-11-16T11:10:00-08:00")
        #expect(start["local_at"] as? String == "2026-11-17T00:40:00+05:30")
        #expect(start["day"] as? String == "2026-11-17")
        // `7d` on Monday the 23rd is the 17th to the 23rd, as in the digest.
        let week = try w.maria.ok(["log", "--since", "7d", "--json"], env: Self.mondayMorning).stdout
        let weekEvents = try Checks.historyEvents(week)
        #expect(Set(weekEvents.compactMap { $0["day"] as? String }) == days)
        let history = try w.maria.ok(["history", w.backfill, "--json"], env: Self.mondayMorning).stdout
        #expect(history.contains("\"local_at\" : \"2026-11-17T00:40:00+05:30\""))
    }

    @Test("site: weeks/ pages by ISO week, the overview reads the digest's week, task changes by the author's day")
    func siteWeeks() throws {
        let w = try Self.makeWorld()
        defer { w.team.shutdown() }
        let out = w.team.folder.sub("site")
        try w.maria.ok(["site", out], env: Self.mondayMorning)
        let index = try #require(Files.read(out + "/index.html"))
        #expect(index.contains("Last week (2026-W47): Mon 16 Nov to Sun 22 Nov 2026"), "\(index)")
        #expect(index.contains("href=\"weeks/2026-W47.html\""))
        let week = try #require(Files.read(out + "/weeks/2026-W47.html"))
        #expect(week.contains("Week 47, 2026"))
        #expect(
            week.contains("Mon 16 Nov 11:00 (00:30 priya&#39;s time)")
                || week.contains("Mon 16 Nov 11:00 (00:30 priya's time)"))
        #expect(week.contains(w.backfill), "Priya's Tuesday start is in week 47")
        let weeks = try #require(Files.read(out + "/weeks.html"))
        #expect(weeks.contains("Week 47, 2026") && weeks.contains("Week 48, 2026"))
        #expect(!Files.exists(out + "/weeks/2026-11-16.html"))
    }

    @Test("task show and inbox print each log line in the reader's zone with its author's own time")
    func taskShowAuthorsTime() throws {
        let w = try Self.makeWorld()
        defer { w.team.shutdown() }
        let shown = try w.maria.ok(["task", "show", w.backfill], env: Self.mondayMorning).stdout
        #expect(
            shown.contains("  2026-11-16 11:10 -08:00 (Tue 17 Nov 00:40 priya's time) priya: created"),
            "\(shown)")
        let own = try w.priya.ok(["task", "show", w.backfill], env: Self.mondayMorning).stdout
        #expect(own.contains("  2026-11-17 00:40 +05:30 priya: started"), "no second time in her own zone: \(own)")
        try w.priya.ok(
            ["task", "assign", w.backfill, "maria", "--note", "over to you"], env: Self.at("2026-11-23T10:00:00+05:30"))
        try w.priya.sync()
        try w.maria.sync()
        let inbox = try w.maria.ok(["inbox"], env: Self.mondayMorning).stdout
        #expect(
            inbox.contains(
                "2026-11-22 20:30 -08:00 (Mon 23 Nov 10:00 priya's time) priya: assigned to maria: over to you"),
            "\(inbox)")
    }
}
