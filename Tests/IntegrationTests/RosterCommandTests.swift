import Foundation
import TestSupport
import Testing

/// The roster: `baton member add|remove|list` edit `members:` in baton.yml and commit; assigning or asking
/// a handle not on it is refused with a suggestion; standup and digest name who did not post.
@Suite("Roster: members, unknown handles, missing notes", .serialized)
struct RosterCommandTests {
    static func at(_ iso: String) -> [String: String] { ["BATON_NOW": iso] }

    static func members(_ person: Person) throws -> [[String: Any]] {
        let list = try person.ok(["member", "list", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])
        return try #require(object["members"] as? [[String: Any]])
    }

    @Test("member add, update and remove edit baton.yml, keep its comments and commit each change")
    func addUpdateRemove() throws {
        let (team, priya) = try Team.solo("priya")
        defer { withExtendedLifetime(team) {} }
        let original = try #require(priya.read("baton.yml"))
        try Files.write("# the relay team\n" + original, to: priya.path("baton.yml"))
        try priya.git.check(
            ["commit", "-qam", "a comment"], in: priya.journal, env: Git.dated("2026-11-20T10:00:00+00:00"))

        let add = try priya.ok(
            [
                "member", "add", "tom", "--name", "Tom Berg", "--zone", "Europe/Berlin", "--workdays",
                "tue,wed,thu,fri,sat",
            ], env: Self.at("2026-11-20T10:00:00+00:00"))
        #expect(add.stdout == "Added tom to the roster\n")
        #expect(try priya.git.check(["log", "-1", "--format=%s"], in: priya.journal) == "members: priya added tom")
        let yaml = try #require(priya.read("baton.yml"))
        #expect(yaml.hasPrefix("# the relay team\n"), "\(yaml)")
        #expect(yaml.contains("# team name, shown in views"), "\(yaml)")
        #expect(
            yaml.contains(
                "  - handle: tom\n    name: Tom Berg\n    zone: Europe/Berlin\n    workdays: [tue, wed, thu, fri, sat]\n"
                    + "    joined: 2026-11-20\n"), "a new member joins today: \(yaml)")
        #expect(try priya.git.check(["status", "--porcelain"], in: priya.journal).isEmpty)

        try priya.ok(["member", "add", "priya", "--zone", "Asia/Kolkata"])
        try priya.ok(["member", "add", "tom", "--zone", "America/New_York"])
        #expect(try priya.git.check(["log", "-1", "--format=%s"], in: priya.journal) == "members: priya updated tom")
        let again = try priya.ok(["member", "add", "tom"])
        #expect(again.stdout.contains("nothing changed"))
        let listed = try Self.members(priya)
        #expect(listed.map { $0["handle"] as? String } == ["tom", "priya"])
        #expect(listed[0]["name"] as? String == "Tom Berg")
        #expect(listed[0]["zone"] as? String == "America/New_York")
        #expect(listed[0]["workdays"] as? [String] == ["tue", "wed", "thu", "fri", "sat"])
        #expect(listed[1]["workdays"] as? [String] == ["mon", "tue", "wed", "thu", "fri"])
        #expect(listed[0]["joined"] as? String == "2026-11-20", "an update keeps the day tom joined")

        let typo = priya.baton(["member", "remove", "tomm"])
        Checks.expectCleanFailure(typo, exitCode: 66)
        #expect(typo.stderr.contains("no member 'tomm'; did you mean tom?"), "\(typo)")

        try priya.ok(["member", "remove", "tom"])
        #expect(try priya.git.check(["log", "-1", "--format=%s"], in: priya.journal) == "members: priya removed tom")
        #expect(try Self.members(priya).map { $0["handle"] as? String } == ["priya"])
        try priya.ok(["member", "remove", "priya"])
        let emptied = try #require(priya.read("baton.yml"))
        #expect(!emptied.contains("members"), "the last removal drops the key:\n\(emptied)")
        #expect(emptied.hasPrefix("# the relay team\n"))

        let bad = priya.baton(["member", "add", "tom", "--zone", "Mars/Base"])
        Checks.expectCleanFailure(bad, exitCode: 64)
    }

    @Test("assigning or asking a handle not on the roster is refused with a suggestion; --force lets a newcomer in")
    func unknownHandlesRefused() throws {
        let (team, priya) = try Team.solo("priya")
        defer { withExtendedLifetime(team) {} }
        let now = Self.at("2026-11-24T09:00:00+00:00")
        // No members: and nobody wrote yet: the roster is empty, so any handle goes.
        try priya.ok(["ask", "lee", "hello?"], env: now)
        try priya.ok(["member", "add", "priya"])
        try priya.ok(["member", "add", "tom"])
        let id = try Checks.requireID(try priya.ok(["task", "add", "Backfill"], env: now))
        let head = try priya.git.check(["rev-parse", "HEAD"], in: priya.journal)

        for args in [
            ["task", "add", "Other", "--owner", "tomm"], ["task", "assign", id, "tomm"], ["ask", "tomm", "review?"],
        ] {
            let refused = priya.baton(args, env: now)
            Checks.expectCleanFailure(refused, exitCode: 64)
            #expect(refused.stderr.contains("no member 'tomm'; did you mean tom?"), "\(refused)")
            #expect(refused.stderr.contains("--force"), "\(refused)")
        }
        #expect(try priya.git.check(["rev-parse", "HEAD"], in: priya.journal) == head, "nothing was committed")

        try priya.ok(["task", "assign", id, "tom"], env: now)
        try priya.ok(["ask", "sam", "welcome aboard?", "--force"], env: now)
        try priya.ok(["task", "add", "Onboarding", "--owner", "sam", "--force"], env: now)
    }

    @Test("without members:, everyone who wrote in the last 30 days is the roster")
    func effectiveRoster() throws {
        let (team, priya) = try Team.solo("priya")
        defer { withExtendedLifetime(team) {} }
        try priya.ok(["note", "old news"], env: Self.at("2026-10-01T09:00:00+00:00"))
        try priya.git.check(["config", "baton.me", "tom"], in: priya.journal)
        try priya.ok(["note", "recent"], env: Self.at("2026-11-20T09:00:00+00:00"))
        try priya.git.check(["config", "baton.me", "lee"], in: priya.journal)
        try priya.ok(["task", "add", "Lee's task"], env: Self.at("2026-11-10T09:00:00+00:00"))
        let now = Self.at("2026-11-24T09:00:00+00:00")
        let list = try priya.ok(["member", "list", "--json"], env: now)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])
        #expect(object["configured"] as? Bool == false)
        let handles = (object["members"] as? [[String: Any]])?.compactMap { $0["handle"] as? String }
        #expect(handles == ["lee", "tom"], "priya wrote only 54 days ago: \(list)")
        let refused = priya.baton(["ask", "tomm", "x"], env: now)
        Checks.expectCleanFailure(refused, exitCode: 64)
        #expect(refused.stderr.contains("did you mean tom?"), "\(refused)")
        // Priya wrote nothing for 54 days, and a newcomer nobody has seen wrote nothing at all: both refused.
        for handle in ["priya", "sam"] {
            let stranger = priya.baton(["ask", handle, "x"], env: now)
            Checks.expectCleanFailure(stranger, exitCode: 64)
            #expect(stranger.stderr.contains("no member '\(handle)'") && stranger.stderr.contains("--force"))
        }
        try priya.ok(["ask", "sam", "welcome aboard?", "--force"], env: now)
    }

    /// Priya works Monday to Friday, Tom Tuesday to Saturday; Priya posts nothing on Wed 18, Tom nothing on Fri 20.
    static func weekWithGaps() throws -> (Team, Person) {
        let (team, priya) = try Team.solo("priya")
        try priya.ok(["member", "add", "priya", "--joined", "2026-11-02"])
        try priya.ok(
            ["member", "add", "tom", "--workdays", "tue,wed,thu,fri,sat"], env: at("2026-11-16T08:00:00+00:00"))
        for day in [16, 17, 19, 20] {
            try priya.ok(["note", "priya on \(day)"], env: at("2026-11-\(day)T09:00:00+00:00"))
        }
        try priya.git.check(["config", "baton.me", "tom"], in: priya.journal)
        for day in [17, 18, 19, 21] {
            try priya.ok(["note", "tom on \(day)"], env: at("2026-11-\(day)T10:00:00+00:00"))
        }
        return (team, priya)
    }

    @Test("digest names each member with no note on a working day of theirs, in every format")
    func digestMissingNotes() throws {
        let (team, person) = try Self.weekWithGaps()
        defer { withExtendedLifetime(team) {} }
        let period = ["digest", "--since", "2026-11-16", "--until", "2026-11-22"]
        let now = Self.at("2026-11-23T09:00:00+00:00")
        let text = try person.ok(period, env: now)
        #expect(text.stdout.contains("No note on a working day (2)"), "\(text)")
        #expect(text.stdout.contains("- no note from priya on Wed 18"), "\(text)")
        #expect(text.stdout.contains("- no note from tom on Fri 20"), "\(text)")
        #expect(!text.stdout.contains("on Sat 21") && !text.stdout.contains("on Sun 22"), "\(text)")

        let markdown = try person.ok(period + ["--format", "markdown"], env: now)
        #expect(markdown.stdout.contains("### No note on a working day (2)\n- no note from priya on Wed 18\n"))

        let json = try person.ok(period + ["--format", "json"], env: now)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let missing = try #require(object["missing_notes"] as? [[String: String]])
        #expect(missing == [["member": "priya", "day": "2026-11-18"], ["member": "tom", "day": "2026-11-20"]])

        let html = try person.ok(period + ["--format", "html"], env: now)
        #expect(html.stdout.contains("no note on Fri 2026-11-20"), "\(html)")

        // The site's overview, built on the Monday after, reads last week and has the same card.
        let site = team.folder.sub("site")
        try person.ok(["site", site], env: now)
        let index = try #require(Files.read(site + "/index.html"))
        #expect(index.contains("No note on a working day<span class=\"count\">2</span>"))
        #expect(index.contains("no note on Wed 2026-11-18") && index.contains("no note on Fri 2026-11-20"))

        let tom = try person.ok(period + ["--member", "tom", "--format", "json"], env: now)
        let only = try #require(try JSONSerialization.jsonObject(with: Data(tom.stdout.utf8)) as? [String: Any])
        #expect(only["missing_notes"] as? [[String: String]] == [["member": "tom", "day": "2026-11-20"]], "\(tom)")
    }

    @Test("standup names members with no note on the day, on their working days only")
    func standupMissingNotes() throws {
        let (team, person) = try Self.weekWithGaps()
        defer { withExtendedLifetime(team) {} }
        let friday = try person.ok(["standup", "--date", "2026-11-20"], env: Self.at("2026-11-23T09:00:00+00:00"))
        #expect(friday.stdout.contains("No note\n    - no note from tom on Fri 20"), "\(friday)")
        #expect(!friday.stdout.contains("no note from priya"), "\(friday)")
        let saturday = try person.ok(["standup", "--date", "2026-11-21"], env: Self.at("2026-11-23T09:00:00+00:00"))
        #expect(!saturday.stdout.contains("No note"), "Saturday is not Priya's working day:\n\(saturday)")
        let markdown = try person.ok(
            ["standup", "--date", "2026-11-18", "--markdown"], env: Self.at("2026-11-23T09:00:00+00:00"))
        #expect(markdown.stdout.contains("## No note\n- no note from priya on Wed 18"), "\(markdown)")
        let json = try person.ok(
            ["standup", "--date", "2026-11-20", "--json"], env: Self.at("2026-11-23T09:00:00+00:00"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["missing_notes"] as? [[String: String]] == [["member": "tom", "day": "2026-11-20"]], "\(json)")
        #expect(object["unreadable"] as? [[String: String]] == [], "\(json)")
        #expect((object["notes"] as? [[String: Any]])?.first?["author"] as? String == "priya", "\(json)")
    }

    @Test("a member who joined in the middle of the period is not missing before they joined, nor counted")
    func joinedMidPeriod() throws {
        let (team, person) = try Self.weekWithGaps()
        defer { withExtendedLifetime(team) {} }
        try person.ok(["member", "add", "sam", "--joined", "2026-11-19"])
        let period = ["digest", "--since", "2026-11-16", "--until", "2026-11-22", "--format", "json"]
        let json = try person.ok(period, env: Self.at("2026-11-23T09:00:00+00:00"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(
            object["missing_notes"] as? [[String: String]] == [
                ["member": "priya", "day": "2026-11-18"], ["member": "tom", "day": "2026-11-20"],
                ["member": "sam", "day": "2026-11-19"], ["member": "sam", "day": "2026-11-20"],
            ], "\(json)")
        let responsiveness = try #require(object["responsiveness"] as? [String: Any])
        let sam = (responsiveness["participation"] as? [[String: Any]])?.first { $0["handle"] as? String == "sam" }
        #expect(sam?["working_days"] as? Int == 2 && sam?["days_with_note"] as? Int == 0, "\(String(describing: sam))")
        let list = try person.ok(["member", "list"])
        #expect(list.stdout.contains("since 2026-11-19"), "\(list)")
    }
}
