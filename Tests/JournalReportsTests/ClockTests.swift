import Foundation
import JournalModel
import Testing

@testable import JournalReports

@Suite("One clock, one calendar: times in the reader's zone, events on their author's day")
struct ClockTests {
    let sanFrancisco = TimeZone(identifier: "America/Los_Angeles")!
    let authors = AuthorClock(zones: ["priya": TimeZone(identifier: "Asia/Kolkata")!])
    func ts(_ s: String) -> Timestamp { Timestamp(iso: s)! }
    func day(_ s: String) -> LocalDay { LocalDay(string: s)! }

    func note(_ day: String, _ bullets: [String]) throws -> DailyNote {
        let text =
            "---\nauthor: priya\ndate: \(day)\nutc_offset: \"+05:30\"\n---\n\n## Today\n\n"
            + bullets.map { "- \($0)\n" }.joined()
        return try DailyNote.parse(text, path: "notes/priya/2026/\(day).md")
    }

    @Test("Bullets and status changes of a Bangalore Tuesday after midnight are in Tuesday, shown in SF time")
    func bangaloreAfterMidnight() throws {
        let task = TaskDocument(
            id: "k7q2xm", title: "Backfill", status: .doing, owner: "priya", created: ts("2026-11-17T00:40:00+05:30"))
        let started = HistoryEvent(
            commit: "a", at: ts("2026-11-17T00:40:00+05:30"), author: "priya", taskID: "k7q2xm", noteDay: nil,
            path: "tasks/k7q2xm.md", change: .field(name: "status", old: "todo", new: "doing"))
        let notes = [
            (author: "priya", day: day("2026-11-16"), note: try note("2026-11-16", ["18:44 handed the archive"])),
            (author: "priya", day: day("2026-11-17"), note: try note("2026-11-17", ["00:30 dry run"])),
        ]
        func digest(_ since: String, _ until: String) -> Digest {
            Digest(
                DigestInput(
                    team: "relay", since: day(since), until: day(until), zone: sanFrancisco,
                    now: ts("2026-11-18T09:00:00-08:00"), staleDays: 7, member: nil, tasks: [task],
                    notes: notes.filter { $0.day >= day(since) && $0.day <= day(until) }, events: [started],
                    authors: authors))
        }
        // In San Francisco the start was Monday 11:10, but it is Priya's Tuesday: not in a Monday-only digest.
        #expect(digest("2026-11-16", "2026-11-16").people.first?.statusChanges.isEmpty == true)
        let tuesday = digest("2026-11-17", "2026-11-17")
        let priya = try #require(tuesday.people.first)
        #expect(priya.statusChanges.map(\.taskID) == ["k7q2xm"])
        #expect(priya.notes.first?.sections.first?.bullets.first?.at?.description == "2026-11-17T00:30:00+05:30")
        let text = tuesday.text(style: TextStyle(color: false), markdown: false)
        #expect(text.contains("- Mon 16 Nov 11:00 (00:30 priya's time) dry run"), "\(text)")
        #expect(
            text.contains("- 2026-11-16 11:10 -08:00 (Tue 17 Nov 00:40 priya's time) k7q2xm Backfill: todo → doing"))
        #expect(text.contains("Times in America/Los_Angeles (-08:00)"))
        let monday = digest("2026-11-16", "2026-11-16").text(style: TextStyle(color: false), markdown: false)
        #expect(monday.contains("- 05:14 (18:44 priya's time) handed the archive"), "\(monday)")
    }

    @Test("The reader's clock adds the author's time only where it differs")
    func readerClock() {
        let berlin = ReaderClock(zone: TimeZone(identifier: "Europe/Berlin")!, authors: authors)
        let stamp = ts("2026-11-24T10:00:00+01:00")
        #expect(berlin.event(stamp, by: "tom") == "2026-11-24 10:00 +01:00")
        #expect(berlin.event(stamp, by: "priya") == "2026-11-24 10:00 +01:00 (14:30 priya's time)")
        #expect(berlin.bullet(nil, raw: "09:14", day: day("2026-11-24"), author: "lee") == "09:14 (lee's time)")
    }

    @Test("Markdown is escaped only where Markdown would read markup")
    func markdownEscaping() {
        #expect(MarkdownText.escape("Review #42?") == "Review #42?")
        #expect(MarkdownText.escape("# not a heading") == "\\# not a heading")
        #expect(MarkdownText.escape("snake_case and _emphasis_") == "snake_case and \\_emphasis\\_")
        #expect(MarkdownText.escape("a *b* [c](d) <e>") == "a \\*b\\* \\[c\\](d) \\<e\\>")
        #expect(MarkdownText.escape("- item") == "\\- item")
        #expect(MarkdownText.escape("2026. a year") == "2026\\. a year")
        #expect(MarkdownText.escape("x - y + z = 3. ok") == "x - y + z = 3. ok")
        #expect(MarkdownText.escape("a | b") == "a | b")
    }
}
