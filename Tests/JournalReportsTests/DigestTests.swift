import Foundation
import JournalModel
import Testing

@testable import JournalReports

@Suite("Digest content from files and history")
struct DigestTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    func ts(_ s: String) -> Timestamp { Timestamp(iso: s)! }
    func day(_ s: String) -> LocalDay { LocalDay(string: s)! }

    func event(_ at: String, _ who: String, _ id: String, _ change: HistoryEvent.Change, commit: String = "c")
        -> HistoryEvent
    {
        HistoryEvent(
            commit: commit, at: ts(at), author: who, taskID: id, noteDay: nil, path: "tasks/\(id).md", change: change)
    }

    func input(
        tasks: [TaskDocument], events: [HistoryEvent], notes: [(String, LocalDay, DailyNote)] = [],
        member: String? = nil
    ) -> DigestInput {
        DigestInput(
            team: "relay", since: day("2026-11-18"), until: day("2026-11-24"), zone: berlin,
            now: ts("2026-11-24T18:00:00+01:00"),
            staleDays: 7, member: member, tasks: tasks, notes: notes.map { (author: $0.0, day: $0.1, note: $0.2) },
            events: events)
    }

    @Test("Status changes, blockers raised and cleared, by who made them; blocked since the history says")
    func statusAndBlockers() throws {
        var blocked = TaskDocument(
            id: "k7q2xm", title: "Backfill", status: .blocked, owner: "tom", created: ts("2026-11-10T09:00:00+05:30"),
            blockedReason: "keys")
        blocked.updated = ts("2026-11-20T10:00:00+01:00")
        let done = TaskDocument(
            id: "p3hd9x", title: "Migrations", status: .done, owner: "priya", created: ts("2026-11-10T09:00:00+05:30"),
            updated: ts("2026-11-21T09:00:00+05:30"))
        let events = [
            event(
                "2026-11-20T10:00:00+01:00", "tom", "k7q2xm", .field(name: "status", old: "doing", new: "blocked"),
                commit: "a"),
            event(
                "2026-11-20T10:00:00+01:00", "tom", "k7q2xm", .field(name: "blocked_reason", old: nil, new: "keys"),
                commit: "a"),
            event(
                "2026-11-19T10:00:00+05:30", "priya", "p3hd9x", .field(name: "status", old: "todo", new: "blocked"),
                commit: "b"),
            event(
                "2026-11-21T09:00:00+05:30", "priya", "p3hd9x", .field(name: "status", old: "blocked", new: "done"),
                commit: "c"),
            event(
                "2026-11-01T09:00:00+05:30", "priya", "p3hd9x", .field(name: "status", old: "todo", new: "doing"),
                commit: "d"),
        ]
        let digest = Digest(input(tasks: [blocked, done], events: events))
        let tom = try #require(digest.people.first { $0.handle == "tom" })
        #expect(tom.blockersRaised.map(\.reason) == ["keys"])
        let priya = try #require(digest.people.first { $0.handle == "priya" })
        #expect(priya.statusChanges.map(\.to) == ["blocked", "done"], "the change before the period is left out")
        #expect(priya.blockersCleared.map(\.taskID) == ["p3hd9x"])
        #expect(digest.blocked.map(\.taskID) == ["k7q2xm"])
        #expect(digest.blocked.first?.since == ts("2026-11-20T10:00:00+01:00"))
    }

    @Test("Overdue, stale, and asks answered late or still waiting")
    func attention() throws {
        let overdue = TaskDocument(
            id: "aaaaaa", title: "Late", status: .doing, owner: "tom", created: ts("2026-11-20T09:00:00Z"),
            updated: ts("2026-11-23T09:00:00Z"), due: day("2026-11-22"))
        let stale = TaskDocument(
            id: "bbbbbb", title: "Old", status: .todo, owner: "lee", created: ts("2026-11-01T09:00:00Z"),
            updated: ts("2026-11-10T09:00:00Z"))
        let fresh = TaskDocument(
            id: "cccccc", title: "Fresh", status: .todo, owner: "lee", created: ts("2026-11-23T09:00:00Z"))
        let waiting = TaskDocument(
            id: "dddddd", kind: .ask, title: "Keys?", status: .todo, owner: "tom", created: ts("2026-11-20T09:00:00Z"),
            from: "priya", to: "tom", respondBy: ts("2026-11-21T09:00:00Z"))
        let answeredLate = TaskDocument(
            id: "eeeeee", kind: .ask, title: "Review?", status: .done, owner: "tom",
            created: ts("2026-11-20T09:00:00Z"), from: "priya", to: "tom", respondBy: ts("2026-11-21T09:00:00Z"),
            log: [
                LogEntry(at: ts("2026-11-20T09:00:00Z"), author: "priya", text: "created"),
                LogEntry(at: ts("2026-11-22T09:00:00Z"), author: "tom", text: "replied: ok (done)"),
            ])
        let answeredInTime = TaskDocument(
            id: "ffffff", kind: .ask, title: "Quick?", status: .done, owner: "tom", created: ts("2026-11-20T09:00:00Z"),
            from: "priya", to: "tom", respondBy: ts("2026-11-21T09:00:00Z"),
            log: [LogEntry(at: ts("2026-11-20T10:00:00Z"), author: "tom", text: "replied: yes")])
        let digest = Digest(input(tasks: [overdue, stale, fresh, waiting, answeredLate, answeredInTime], events: []))
        #expect(digest.overdue.map(\.taskID) == ["aaaaaa"])
        #expect(digest.stale.map(\.taskID) == ["bbbbbb"])
        #expect(digest.stale.first?.days == 14)
        #expect(digest.lateAsks.map(\.askID) == ["dddddd", "eeeeee"])
        #expect(digest.lateAsks[0].answeredAt == nil)
        #expect(digest.lateAsks[1].answeredBy == "tom")

        let onlyLee = Digest(input(tasks: [overdue, stale, fresh, waiting], events: [], member: "lee"))
        #expect(onlyLee.overdue.isEmpty)
        #expect(onlyLee.stale.map(\.taskID) == ["bbbbbb"])
        #expect(onlyLee.people.map(\.handle) == ["lee"])

        let json = try digest.json()
        for key in [
            "\"late_asks\"", "\"overdue\"", "\"stale\"", "\"blocked\"", "\"people\"", "\"since\" : \"2026-11-18\"",
            "\"answered_at\" : null",
        ] {
            #expect(json.contains(key), "JSON lacks \(key)")
        }
    }

    @Test("Notes in the period by their author's day; terminal text is neutralised, Markdown keeps structure")
    func notesAndText() throws {
        let text =
            "---\nauthor: priya\ndate: 2026-11-24\nutc_offset: \"+05:30\"\n---\n\n## Today\n\n- 09:14 shipped \u{1B}[31mred\u{1B}[0m ![g](../../../attachments/priya/2026-11-24-abc234-g.png)\n"
        let note = try DailyNote.parse(text, path: "notes/priya/2026/2026-11-24.md")
        let outside = try DailyNote.parse(text.replacingOccurrences(of: "2026-11-24", with: "2026-11-10"), path: "x.md")
        let digest = Digest(
            input(
                tasks: [], events: [],
                notes: [("priya", day("2026-11-24"), note), ("priya", day("2026-11-10"), outside)]))
        let priya = try #require(digest.people.first)
        #expect(priya.notes.map(\.day) == [day("2026-11-24")])
        #expect(priya.notes[0].attachments == ["attachments/priya/2026-11-24-abc234-g.png"])
        let terminal = digest.text(style: TextStyle(color: false), markdown: false)
        #expect(!terminal.contains("\u{1B}"))
        #expect(terminal.contains("\\u{1b}[31mred"))
        let markdown = digest.text(style: TextStyle(color: false), markdown: true)
        #expect(markdown.contains("## priya"))
        #expect(markdown.contains("- 04:44 (09:14 priya's time) shipped"), "times in the reader's zone")
        #expect(!markdown.contains("\u{1B}"))
    }
}
