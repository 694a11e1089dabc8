import JournalModel
import Testing

@testable import JournalReports

@Suite("Deriving changes from two versions of a file")
struct TaskChangesTests {
    func task(_ status: TaskStatus, owner: String = "priya", log: [String] = [], reason: String? = nil) -> TaskDocument
    {
        let created = Timestamp(iso: "2026-11-24T09:14:05+05:30")!
        return TaskDocument(
            id: "k7q2xm", title: "Backfill", status: status, owner: owner, created: created, blockedReason: reason,
            log: log.map { LogEntry(line: $0)! })
    }

    @Test("A new file reports creation, first status and owner, and its log")
    func created() {
        let changes = TaskChanges.between(nil, task(.todo, log: ["- 2026-11-24T09:14:05+05:30 priya: created"]))
        #expect(
            changes == [
                .created(title: "Backfill"), .field(name: "status", old: nil, new: "todo"),
                .field(name: "owner", old: nil, new: "priya"), .log(text: "created"),
            ])
    }

    @Test("Field changes old → new and only the new log lines")
    func changed() {
        let line1 = "- 2026-11-24T09:14:05+05:30 priya: created"
        let line2 = "- 2026-11-25T10:20:00+01:00 tom: blocked: keys"
        let old = task(.doing, log: [line1])
        let new = task(.blocked, owner: "tom", log: [line1, line2], reason: "keys")
        #expect(
            TaskChanges.between(old, new) == [
                .field(name: "status", old: "doing", new: "blocked"), .field(name: "owner", old: "priya", new: "tom"),
                .field(name: "blocked_reason", old: nil, new: "keys"), .log(text: "blocked: keys"),
            ])
    }

    @Test("A hand edit without a log line is still a change; a removal is a deletion")
    func handEditAndDeletion() {
        #expect(
            TaskChanges.between(task(.blocked), task(.done)) == [.field(name: "status", old: "blocked", new: "done")])
        #expect(TaskChanges.between(task(.done), nil) == [.deleted])
        #expect(TaskChanges.between(task(.done), task(.done)).isEmpty)
    }

    @Test("Added note bullets, with their time split off")
    func noteBullets() throws {
        let head = "---\nauthor: priya\ndate: 2026-11-24\nutc_offset: \"+05:30\"\n---\n\n## Today\n\n- 09:14 one\n"
        let old = try DailyNote.parse(head, path: "n.md")
        let new = try DailyNote.parse(head + "- 11:02 two\n\n## Blockers\n\n- 11:30 stuck\n", path: "n.md")
        let added = NoteChanges.addedBullets(old, new)
        #expect(added.map(\.text) == ["11:02 two", "11:30 stuck"])
        #expect(added.map(\.section) == [.today, .blockers])
        #expect(NoteChanges.splitTime("11:02 two") == ("11:02", "two"))
        #expect(NoteChanges.splitTime("no time") == (nil, "no time"))
        #expect(
            NoteChanges.timestamp(day: LocalDay(string: "2026-11-24")!, time: "01:30", offset: 19800)?.description
                == "2026-11-24T01:30:00+05:30")
    }

    @Test("Attachment links are found whatever the depth")
    func attachmentLinks() {
        #expect(
            AttachmentLinks.paths(
                in: "see ![a](../../../attachments/priya/x.png) and [b](../attachments/tom/y.pdf) [c](https://e.x)")
                == ["attachments/priya/x.png", "attachments/tom/y.pdf"])
        #expect(AttachmentLinks.journalPath("../attachments/../baton.yml") == nil)
    }
}
