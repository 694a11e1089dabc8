import Foundation
import TestSupport
import Testing

/// Daily notes: path, front matter, sections, local day of TZ, standup.
@Suite("Notes")
struct NotesTests {
    static let bullet = #"^- \d{2}:\d{2} "#

    @Test(
        "a note goes to notes/<me>/<YYYY>/<day>.md with front matter and the three sections",
        arguments: ["UTC", "Asia/Kolkata", "America/Los_Angeles", "Pacific/Kiritimati"])
    func noteFile(tz: String) throws {
        let (team, base) = try Team.solo("priya", tz: tz)
        defer { team.shutdown() }
        var priya = base
        priya.tz = tz
        let day = Day.today(tz: tz)
        let start = Date()
        try priya.ok(["note", "backfill", "script", "for", "orders"])
        try priya.ok(["note", "--yesterday", "reviewed Tom's migration PR"])
        try priya.ok(["note", "--blocker", "staging database is read-only"])
        let rel = Person.notePath("priya", day)
        let note = try #require(priya.read(rel), "no note at \(rel); files: \(Files.workTreeFiles(priya.journal))")

        // Front matter.
        #expect(note.hasPrefix("---\n"))
        #expect(note.contains("author: priya\n"))
        #expect(note.contains("date: \(day)\n"))
        let offset = Day.offset(tz: tz)
        #expect(note.contains("utc_offset: \"\(offset)\"") || note.contains("utc_offset: '\(offset)'"), "\(note)")

        // Sections in order, each bullet under its heading, `- HH:MM text` in local time.
        let lines = note.components(separatedBy: "\n")
        let y = try #require(lines.firstIndex(of: "## Yesterday"), "\(note)")
        let t = try #require(lines.firstIndex(of: "## Today"), "\(note)")
        let b = try #require(lines.firstIndex(of: "## Blockers"), "\(note)")
        #expect(y < t && t < b)
        func section(_ from: Int, _ to: Int) -> [String] { Array(lines[(from + 1)..<to]).filter { !$0.isEmpty } }
        let today = section(t, b)
        let yesterday = section(y, t)
        let blockers = section(b, lines.count)
        #expect(today.count == 1 && today[0].hasSuffix(" backfill script for orders"), "\(today)")
        #expect(yesterday.count == 1 && yesterday[0].hasSuffix(" reviewed Tom's migration PR"), "\(yesterday)")
        #expect(blockers.count == 1 && blockers[0].hasSuffix(" staging database is read-only"), "\(blockers)")
        for line in today + yesterday + blockers {
            #expect(line.range(of: Self.bullet, options: .regularExpression) != nil, "\(line)")
        }
        // The time is the local time of TZ (within a couple of minutes of the command).
        let hhmm = String(today[0].dropFirst(2).prefix(5))
        let allowed = Set(
            (0...2).map { Day.formatter("HH:mm", tz: tz).string(from: start.addingTimeInterval(Double($0) * 60 - 60)) })
        #expect(allowed.contains(hhmm), "bullet time \(hhmm) is not local time in \(tz) (\(allowed))")
        Checks.expectHealthy(priya)
    }

    @Test("--date writes to that day's note; standup --date shows it")
    func explicitDate() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        try alice.ok(["note", "--date", "2026-11-24", "from the past"])
        let note = try #require(alice.read(Person.notePath("alice", "2026-11-24")))
        #expect(note.contains("date: 2026-11-24"))
        #expect(note.contains("from the past"))
        let standup = try alice.ok(["standup", "--date", "2026-11-24"]).stdout
        #expect(standup.contains("alice") && standup.contains("from the past"), "\(standup)")
        let todays = try alice.ok(["standup"]).stdout
        #expect(!todays.contains("from the past"), "\(todays)")
        Checks.expectHealthy(alice)
    }

    @Test("text a person wrote in the note by hand is kept when baton appends")
    func keepsHandWrittenText() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        try alice.ok(["note", "first"])
        let rel = Person.notePath("alice", Day.today())
        var note = try #require(alice.read(rel))
        note = note.replacingOccurrences(of: "## Today\n", with: "## Today\n\nSome prose I wrote myself.\n")
        try Files.write(note, to: alice.path(rel))
        try alice.git.check(["commit", "-am", "prose"], in: alice.journal)
        try alice.ok(["note", "second"])
        let after = try #require(alice.read(rel))
        #expect(after.contains("Some prose I wrote myself."))
        let first = try #require(after.range(of: "first"))
        let second = try #require(after.range(of: "second"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(after.range(of: "## Blockers").map { second.lowerBound < $0.lowerBound } == true, "\(after)")
        Checks.expectHealthy(alice)
    }

    @Test("standup --member shows only that person")
    func standupMember() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        try alice.ok(["note", "alice bullet"])
        try bob.ok(["note", "bob bullet"])
        try alice.sync()
        try bob.sync()
        let onlyBob = try bob.ok(["standup", "--member", "bob"]).stdout
        #expect(onlyBob.contains("bob bullet"))
        #expect(!onlyBob.contains("alice bullet"), "\(onlyBob)")
        let all = try bob.ok(["standup"]).stdout
        #expect(all.contains("alice bullet") && all.contains("bob bullet"), "\(all)")
        team.expectHealthy()
    }
}
