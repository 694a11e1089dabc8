import Foundation
import TestSupport
import Testing

/// Time away (`baton away`) and response windows in working time: the file in the journal, asks that wait
/// for someone who is away, windows moved when the recipient marks time away, missing notes and
/// participation that skip days away, and bad input.
@Suite("Away: time away and windows in working time", .serialized)
struct AwayTests {
    static func at(_ iso: String) -> [String: String] { ["BATON_NOW": iso] }

    static func json(_ r: CommandResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    static func subject(_ person: Person) throws -> String {
        try person.git.check(["log", "-1", "--format=%s"], in: person.journal)
    }

    /// A solo journal with a roster of priya and tom (both UTC, Monday to Friday); `as(handle)` switches who
    /// the clone is.
    static func soloTeam() throws -> (Team, Person) {
        let (team, priya) = try Team.solo("priya")
        try priya.ok(["member", "add", "priya", "--joined", "2026-11-01"])
        try priya.ok(["member", "add", "tom", "--joined", "2026-11-01"])
        return (team, priya)
    }

    static func be(_ handle: String, _ person: Person) throws {
        try person.git.check(["config", "baton.me", handle], in: person.journal)
    }

    @Test("an ask counts the recipient's working days in their zone: Friday 17:05 Berlin falls due Monday 17:05")
    func workingTimeWindow() throws {
        let (team, priya) = try Team.solo("priya")
        defer { withExtendedLifetime(team) {} }
        try priya.ok(["member", "add", "priya", "--zone", "Asia/Kolkata"])
        try priya.ok(["member", "add", "tom", "--zone", "Europe/Berlin"])
        try priya.ok(["member", "add", "sam", "--workdays", "mon,tue,wed,thu,fri,sat,sun"])
        // 17:05 in Berlin; priya's clock is UTC, so times are written at +00:00.
        let friday = Self.at("2026-11-20T21:35:00+05:30")
        let working = try Checks.requireID(try priya.ok(["ask", "tom", "review #42?", "--within", "24h"], env: friday))
        let calendar = try Checks.requireID(
            try priya.ok(["ask", "tom", "and #43?", "--within", "24h", "--calendar"], env: friday))
        let everyDay = try Checks.requireID(try priya.ok(["ask", "sam", "weekend shift?"], env: friday))
        #expect(try priya.task(working).respondBy == "2026-11-23T16:05:00+00:00", "Monday 17:05 in Berlin")
        #expect(try priya.task(calendar).respondBy == "2026-11-21T16:05:00+00:00", "--calendar: Saturday")
        #expect(try priya.task(everyDay).respondBy == "2026-11-21T16:05:00+00:00", "sam works on Saturdays")
        #expect(try Self.subject(priya) == "ask \(everyDay): priya asks sam, respond by 2026-11-21 16:05 +00:00")
        let help = try priya.ok(["ask", "--help"]).stdout
        #expect(help.contains("--calendar") && help.contains("--start-now") && help.contains("working days"), "\(help)")
    }

    @Test("away --from --until writes away/<me>.md, commits it, and the team sees it after sync")
    func markListAndSync() throws {
        let team = try Team(["priya", "tom"])
        defer { team.shutdown() }
        let (priya, tom) = (team["priya"], team["tom"])
        let now = Self.at("2026-11-20T09:00:00+00:00")
        let marked = try tom.ok(
            ["away", "--from", "2026-11-23", "--until", "2026-11-24", "--note", "offsite"], env: now)
        #expect(marked.stdout == "Away Mon 2026-11-23 to Tue 2026-11-24 (offsite)\n", "\(marked)")
        let file = try #require(tom.read("away/tom.md"))
        #expect(
            file.hasPrefix("# Time away: tom\n") && file.hasSuffix("\n- 2026-11-23..2026-11-24 offsite\n"), "\(file)")
        #expect(try Self.subject(tom) == "away: tom 2026-11-23..2026-11-24")
        #expect(try tom.git.check(["status", "--porcelain"], in: tom.journal).isEmpty)
        // From today to Friday, in tom's words.
        try tom.ok(["away", "--until", "2026-11-27"], env: Self.at("2026-11-26T09:00:00+00:00"))
        try tom.sync()
        try priya.sync()

        let list = try Self.json(try priya.ok(["away", "--list", "--json"], env: Self.at("2026-11-24T09:00:00+00:00")))
        let away = try #require(list["away"] as? [[String: Any]])
        #expect(
            away.map { "\($0["member"]!) \($0["from"]!) \($0["until"]!)" } == [
                "tom 2026-11-23 2026-11-24", "tom 2026-11-26 2026-11-27",
            ])
        #expect(away.map { $0["now"] as? Bool } == [true, false])
        #expect(away.first?["note"] as? String == "offsite")
        let text = try priya.ok(["away", "--list"], env: Self.at("2026-11-24T09:00:00+00:00")).stdout
        #expect(text.contains("tom  Mon 2026-11-23 to Tue 2026-11-24  away now  offsite"), "\(text)")
        let later = try priya.ok(["away", "--list"], env: Self.at("2026-12-01T09:00:00+00:00")).stdout
        #expect(later.contains("nobody is away"), "past time away is not listed:\n\(later)")
        #expect(
            try priya.ok(["away", "--list", "--all"], env: Self.at("2026-12-01T09:00:00+00:00")).stdout
                .contains("2026-11-23"))
        team.expectHealthy()
    }

    @Test("periods marked on two clones are both kept by sync, with no conflict markers")
    func twoClonesMerge() throws {
        let team = try Team(["priya", "tom"])
        defer { team.shutdown() }
        let laptop = team["tom"]
        let desktop = try team.clone(handle: "tom", folderName: "tom-desktop")
        let now = Self.at("2026-11-20T09:00:00+00:00")
        try laptop.ok(["away", "--from", "2026-12-01", "--until", "2026-12-02", "--note", "conference"], env: now)
        try desktop.ok(["away", "--from", "2026-12-21", "--until", "2027-01-04", "--note", "winter"], env: now)
        try laptop.sync()
        try desktop.sync()
        try laptop.sync()
        #expect(laptop.read("away/tom.md") == desktop.read("away/tom.md"))
        try team["priya"].sync()
        let list = try Self.json(try team["priya"].ok(["away", "--list", "--json"], env: now))
        let spans = (list["away"] as? [[String: Any]])?.map { "\($0["from"]!)..\($0["until"]!)" }
        #expect(spans == ["2026-12-01..2026-12-02", "2026-12-21..2027-01-04"], "\(laptop.read("away/tom.md") ?? "")")
        team.expectHealthy()
    }

    @Test("asking someone who is away says so and starts the window when they are back; --start-now overrides")
    func askSomeoneAway() throws {
        let (team, priya) = try Self.soloTeam()
        defer { withExtendedLifetime(team) {} }
        try Self.be("tom", priya)
        try priya.ok(["away", "--from", "2026-11-23", "--until", "2026-11-24", "--note", "offsite"])
        try Self.be("priya", priya)

        let friday = Self.at("2026-11-20T17:05:00+00:00")
        let skips = priya.baton(["ask", "tom", "keys?", "--within", "24h"], env: friday)
        #expect(skips.status == 0, "\(skips)")
        let skipped = try Checks.requireID(skips)
        #expect(try priya.task(skipped).respondBy == "2026-11-25T17:05:00+00:00", "Monday and Tuesday do not count")
        #expect(
            skips.stderr.contains("tom is away Mon 2026-11-23 to Tue 2026-11-24 (offsite): the window skips"),
            "\(skips)")

        let monday = Self.at("2026-11-23T09:00:00+00:00")
        let waits = priya.baton(["ask", "tom", "staging?", "--within", "8h"], env: monday)
        #expect(try priya.task(try Checks.requireID(waits)).respondBy == "2026-11-25T08:00:00+00:00")
        #expect(
            waits.stderr.contains("tom is away until Tue 2026-11-24 (offsite): the window starts when they are back"))
        #expect(waits.stderr.contains("--start-now"), "\(waits)")

        let now = priya.baton(["ask", "tom", "urgent?", "--within", "8h", "--start-now"], env: monday)
        #expect(try priya.task(try Checks.requireID(now)).respondBy == "2026-11-23T17:00:00+00:00")
        #expect(now.stderr.contains("counts from now anyway"), "\(now)")

        let clear = priya.baton(["ask", "tom", "later?", "--within", "8h"], env: Self.at("2026-11-25T09:00:00+00:00"))
        #expect(clear.status == 0 && clear.stderr.isEmpty, "nothing to tell once tom is back:\n\(clear)")
    }

    @Test("marking time away moves the windows of my open asks; cancelling moves them back")
    func awayMovesWindows() throws {
        let (team, priya) = try Self.soloTeam()
        defer { withExtendedLifetime(team) {} }
        let thursday = Self.at("2026-11-19T10:00:00+00:00")
        let ids = try [
            Checks.requireID(try priya.ok(["ask", "tom", "keys?", "--within", "24h"], env: thursday)),
            Checks.requireID(try priya.ok(["ask", "tom", "db?", "--within", "48h", "--calendar"], env: thursday)),
            Checks.requireID(try priya.ok(["ask", "tom", "done one?", "--within", "24h"], env: thursday)),
            Checks.requireID(try priya.ok(["ask", "priya", "self?", "--within", "24h", "--force"], env: thursday)),
        ]
        try Self.be("tom", priya)
        try priya.ok(["reply", ids[2], "yes", "--done"], env: thursday)
        let before = try ids.map { try priya.task($0).respondBy }
        #expect(
            before == [
                "2026-11-20T10:00:00+00:00", "2026-11-21T10:00:00+00:00", "2026-11-20T10:00:00+00:00",
                "2026-11-20T10:00:00+00:00",
            ])

        let noon = Self.at("2026-11-19T12:00:00+00:00")
        let marked = try priya.ok(["away", "--from", "2026-11-20", "--until", "2026-11-20"], env: noon)
        let moved = try ids.map { try priya.task($0).respondBy }
        #expect(
            moved == [
                "2026-11-23T10:00:00+00:00", "2026-11-22T10:00:00+00:00", "2026-11-20T10:00:00+00:00",
                "2026-11-20T10:00:00+00:00",
            ], "working time skips Friday and the weekend; calendar time skips Friday only; closed and others' unmoved")
        #expect(marked.stdout.contains("ask \(ids[0]) from priya: respond by 2026-11-23 10:00 +00:00"), "\(marked)")
        #expect(marked.stdout.contains("(was 2026-11-20 10:00 +00:00)"), "\(marked)")
        #expect(try Self.subject(priya) == "away: tom 2026-11-20..2026-11-20")
        let files = try priya.git.check(["show", "--format=", "--name-only", "HEAD"], in: priya.journal)
        #expect(
            files.split(separator: "\n").sorted()
                == ["away/tom.md", "tasks/\(ids[0]).md", "tasks/\(ids[1]).md"].sorted())
        let log = try #require(try priya.task(ids[0]).log.last)
        #expect(log.author == "tom" && log.text == "respond by moved to 2026-11-23 10:00 +00:00: time away changed")

        let cancelled = try priya.ok(["away", "--cancel"], env: noon)
        #expect(cancelled.stdout.hasPrefix("Cancelled time away Fri 2026-11-20\n"), "\(cancelled)")
        #expect(try ids.map { try priya.task($0).respondBy } == before)
        #expect(try Self.subject(priya) == "away: tom cancelled 2026-11-20..2026-11-20")
        #expect(priya.read("away/tom.md")?.contains("2026-11-20") == false)
        #expect(try priya.git.check(["status", "--porcelain"], in: priya.journal).isEmpty)
    }

    @Test("standup, digest and participation do not count days away as missing notes")
    func missingNotesSkipDaysAway() throws {
        let (team, priya) = try Self.soloTeam()
        defer { withExtendedLifetime(team) {} }
        for day in [16, 17, 19, 20] {
            try priya.ok(["note", "priya on \(day)"], env: Self.at("2026-11-\(day)T09:00:00+00:00"))
        }
        try Self.be("tom", priya)
        for day in [16, 17, 18, 19] {
            try priya.ok(["note", "tom on \(day)"], env: Self.at("2026-11-\(day)T10:00:00+00:00"))
        }
        let now = Self.at("2026-11-23T09:00:00+00:00")
        let period = ["--since", "2026-11-16", "--until", "2026-11-22"]
        func missing() throws -> [[String: String]] {
            let digest = try Self.json(try priya.ok(["digest", "--format", "json"] + period, env: now))
            return try #require(digest["missing_notes"] as? [[String: String]])
        }
        func participation() throws -> [String] {
            let stats = try Self.json(try priya.ok(["stats", "--json"] + period, env: now))
            let rows = try #require((stats["responsiveness"] as? [String: Any])?["participation"] as? [[String: Any]])
            return rows.map { "\($0["handle"]!) \($0["days_with_note"]!)/\($0["working_days"]!)" }
        }
        #expect(try missing() == [["member": "priya", "day": "2026-11-18"], ["member": "tom", "day": "2026-11-20"]])
        #expect(try participation() == ["priya 4/5", "tom 4/5"])

        try priya.ok(["away", "--from", "2026-11-20", "--until", "2026-11-20", "--note", "sick"], env: now)
        #expect(try missing() == [["member": "priya", "day": "2026-11-18"]])
        #expect(try participation() == ["priya 4/5", "tom 4/4"])
        let standup = try Self.json(try priya.ok(["standup", "--date", "2026-11-20", "--json"], env: now))
        #expect((standup["missing_notes"] as? [[String: String]])?.isEmpty == true, "\(standup)")
    }

    @Test("bad input: one clear line, a documented exit code, nothing committed")
    func badInput() throws {
        let (team, priya) = try Self.soloTeam()
        defer { withExtendedLifetime(team) {} }
        let head = try priya.git.check(["rev-parse", "HEAD"], in: priya.journal)
        let now = Self.at("2026-11-20T09:00:00+00:00")
        for (args, code, words) in [
            (["away"], Int32(64), "say until when"),
            (["away", "--from", "2026-11-25", "--until", "2026-11-23"], 64, "is before --from"),
            (["away", "--until", "2026-13-01"], 64, "2026-13-01"),
            (["away", "--list", "--until", "friday"], 64, "--list"),
            (["away", "--cancel"], 66, "no time away"),
            (["away", "--cancel", "--from", "2026-11-23"], 66, "no time away on 2026-11-23"),
        ] {
            let r = priya.baton(args, env: now)
            Checks.expectCleanFailure(r, exitCode: code)
            #expect(r.stderr.contains(words), "\(args): \(r)")
        }
        #expect(try priya.git.check(["rev-parse", "HEAD"], in: priya.journal) == head, "nothing was committed")
    }

    @Test("a teammate's broken or hostile away file is skipped with a warning; the rest still reads")
    func hostileAwayFiles() throws {
        let (team, priya) = try Self.soloTeam()
        defer { withExtendedLifetime(team) {} }
        try Files.write(
            "- 2026-11-23..2026-11-24 \u{1B}[31mred\u{1B}[0m\n- soon\n", to: priya.path("away/tom.md"))
        try FileManager.default.createSymbolicLink(
            atPath: priya.path("away/lee.md"), withDestinationPath: "/etc/passwd")
        try priya.git.check(["add", "-A"], in: priya.journal)
        try priya.git.check(
            ["commit", "-qm", "by hand"], in: priya.journal, env: Git.dated("2026-11-20T08:00:00+00:00"))
        let now = Self.at("2026-11-20T17:05:00+00:00")
        let list = priya.baton(["away", "--list"], env: now)
        #expect(list.status == 0, "\(list)")
        #expect(list.stdout.contains("red") && !list.stdout.contains("\u{1B}"), "\(list)")
        #expect(list.stderr.contains("away/tom.md:2") && list.stderr.contains("away/lee.md"), "\(list)")
        let ask = priya.baton(["ask", "tom", "keys?"], env: now)
        #expect(ask.status == 0, "\(ask)")
        #expect(try priya.task(try Checks.requireID(ask)).respondBy == "2026-11-25T17:05:00+00:00")
        #expect(!ask.stderr.contains("\u{1B}"), "\(ask)")
        let check = priya.baton(["check"])
        #expect(check.status == 65, "\(check)")
        #expect(check.stdout.contains("away/tom.md:2: not a period of time away"), "\(check)")
        #expect(check.stdout.contains("away/lee.md: "), "\(check)")
        // My own file is read strictly before it is rewritten: a link is refused, not followed.
        try Self.be("lee", priya)
        let refused = priya.baton(["away", "--until", "2026-11-27"], env: now)
        Checks.expectCleanFailure(refused, exitCode: 65)
        #expect(Files.read("/etc/passwd")?.contains("2026-11-27") == false)
    }
}
