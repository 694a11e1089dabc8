import Foundation
import JournalModel
import Testing

@testable import JournalReports

/// The terminal views escape teammates' bytes even when a document was never validated by the parser
/// (handles, log authors, note bullets, team names).
@Suite("Terminal views print no raw control characters")
struct TerminalViewsTests {
    static let evil = "o\u{1B}]0;pwned\u{07}\u{1B}]52;c;aGk=\u{07}"

    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }
    }

    static func ts(_ s: String) -> Timestamp { Timestamp(iso: s)! }

    @Test func taskTableDetailAndInbox() {
        let at = Self.ts("2026-11-24T09:00:00Z")
        var task = TaskDocument(id: "k7q2xm", title: "t", owner: Self.evil, created: at)
        task.log = [LogEntry(at: at, author: Self.evil, text: "assigned to alice")]
        var ask = TaskDocument(
            id: "a7q2xm", kind: .ask, title: "q", owner: "alice", created: at, from: Self.evil, to: "alice")
        ask.log = [LogEntry(at: at, author: Self.evil, text: "replied: sure")]
        let style = TextStyle(color: false)
        let now = at.date
        #expect(!Self.hasControl(TaskTable.render([task, ask], now: now, zone: .gmt, style: style)))
        #expect(!Self.hasControl(TaskDetail.render(task, now: now, zone: .gmt, style: style)))
        let inbox = Inbox(tasks: [task, ask], me: "alice", now: now, zone: .gmt)
        #expect(!Self.hasControl(inbox.text(me: "alice", now: now, zone: .gmt, style: style)))
        var asked = ask
        asked.from = "alice"
        asked.to = Self.evil
        let answers = Inbox(tasks: [asked], me: "alice", now: now, zone: .gmt)
        #expect(!Self.hasControl(answers.text(me: "alice", now: now, zone: .gmt, style: style)))
    }

    @Test func standupInTextAndMarkdown() throws {
        let note = try DailyNote.parse("## Today\n\n- shipped \u{1B}[2J\u{07}\n  more \u{1B}]0;x\u{07}\n", path: "n.md")
        let standup = Standup(day: LocalDay(string: "2026-11-24")!, notes: [(author: Self.evil, note: note)])
        for markdown in [false, true] {
            let text = standup.text(style: TextStyle(color: false), markdown: markdown)
            #expect(!Self.hasControl(text), "\(text.debugDescription)")
            #expect(text.contains("shipped"))
        }
    }
}
