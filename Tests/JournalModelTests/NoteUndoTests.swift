import Testing

@testable import JournalModel

/// `DailyNote.removeLastBullet`, what `baton note --undo` takes out.
@Suite("Note undo")
struct NoteUndoTests {
    @Test("note --undo takes the latest bullet of any section, with its continuation lines")
    func undoLastBullet() {
        let text = """
            ---
            author: priya
            date: 2026-11-24
            ---

            ## Today

            - 09:14 first
            - 11:30 latest
              and more of it
            - 10:00 added later, earlier time

            ## Blockers

            - 08:00 blocked

            """
        var note = try! DailyNote.parse(text, path: "n.md")
        #expect(note.lastBullet == NoteBullet(time: "11:30", text: "latest\nand more of it"))
        #expect(note.removeLastBullet() == NoteBullet(time: "11:30", text: "latest\nand more of it"))
        #expect(note.render() == text.replacingOccurrences(of: "- 11:30 latest\n  and more of it\n", with: ""))
        #expect(note.removeLastBullet()?.time == "10:00")
        #expect(note.removeLastBullet()?.time == "09:14")
        #expect(note.removeLastBullet()?.time == "08:00")
        #expect(note.removeLastBullet() == nil)
    }
}
