import Foundation
import JournalModel
import Testing

/// `CommitMessage` renders every message baton commits, byte for byte, and reads each back.
@Suite("Commit message format")
struct CommitMessageFormatTests {
    static let day = LocalDay(string: "2026-11-24")!
    static let nextDay = LocalDay(string: "2026-11-25")!
    static let respondBy = Timestamp(iso: "2026-11-25T09:14:00+05:30")!

    /// One of each message baton writes, with the exact text it commits.
    static let cases: [(CommitMessage, String)] = [
        (.journalCreated(team: "data"), "journal: created for team data"),
        (.noteAdded(author: "priya", day: day, section: .today, writtenOn: nil), "note: priya 2026-11-24"),
        (.noteAdded(author: "priya", day: day, section: .blockers, writtenOn: nil), "note: priya 2026-11-24 blockers"),
        (
            .noteAdded(author: "priya", day: day, section: .today, writtenOn: nextDay),
            "note: priya 2026-11-24 (today, written 2026-11-25)"
        ),
        (
            .noteAdded(author: "priya", day: nextDay, section: .yesterday, writtenOn: day),
            "note: priya 2026-11-25 yesterday (yesterday, written 2026-11-24)"
        ),
        (.noteEdited(author: "priya", day: day), "note: priya 2026-11-24 (edited)"),
        (.noteUndone(author: "priya", day: day), "note: priya 2026-11-24 (undo)"),
        (change(.logged("due set to 2026-11-28")), "task k7q2xm: tom due set to 2026-11-28"),
        (
            .taskCreated(id: "k7q2xm", title: "Backfill \"orders\" table", owner: "priya"),
            "task k7q2xm: created \"Backfill \"orders\" table\" (owner priya)"
        ),
        (
            .askMade(id: "p3hd9x", from: "priya", to: "tom", respondBy: respondBy),
            "ask p3hd9x: priya asks tom, respond by 2026-11-25 09:14 +05:30"
        ),
        (change(.status(.doing, detail: nil)), "task k7q2xm: tom started"),
        (change(.status(.doing, detail: "db back")), "task k7q2xm: tom started: db back"),
        (change(.status(.blocked, detail: "waiting on API keys")), "task k7q2xm: tom blocked: waiting on API keys"),
        (change(.status(.blocked, detail: "keys: ping lee")), "task k7q2xm: tom blocked: keys: ping lee"),
        (change(.status(.done, detail: nil)), "task k7q2xm: tom done"),
        (change(.status(.dropped, detail: "not needed")), "task k7q2xm: tom dropped: not needed"),
        (change(.status(.todo, detail: nil)), "task k7q2xm: tom reopened"),
        (change(.assigned(to: "lee", note: nil)), "task k7q2xm: tom assigned to lee"),
        (change(.assigned(to: "lee", note: "yours now")), "task k7q2xm: tom assigned to lee: yours now"),
        (change(.edited), "task k7q2xm: tom edited"),
        (change(.logged("paired with lee on the schema")), "task k7q2xm: tom paired with lee on the schema"),
        (change(.replied(text: "here", done: false)), "task k7q2xm: tom replied: here"),
        (
            .taskChanged(kind: .ask, id: "p3hd9x", author: "tom", change: .replied(text: "keys sent", done: true)),
            "ask p3hd9x: tom replied: keys sent (done)"
        ),
        (.handEdits(listed: ["notes/a.md"], more: 0), "hand edits: notes/a.md"),
        (
            .handEdits(listed: ["a", "b", "c", "d", "e"], more: 2),
            "hand edits: a, b, c, d, e, and 2 more"
        ),
        (
            .syncMerge(authors: ["Tom"], commits: 3, mergedFiles: [], keptBeside: []),
            "sync: merge Tom's work (3 commit(s))"
        ),
        (
            .syncMerge(
                authors: ["Tom", "Lee"], commits: 2, mergedFiles: ["notes/tom/2026/2026-11-24.md", "tasks/k7q2xm.md"],
                keptBeside: ["shared/logo.conflict-tom.png"]),
            "sync: merge Tom, Lee's work (2 commit(s))\n\nMerged by content:\n- notes/tom/2026/2026-11-24.md\n"
                + "- tasks/k7q2xm.md\n\nNot merged as text; the other version kept beside:\n"
                + "- shared/logo.conflict-tom.png"
        ),
        (
            .syncMerge(authors: ["Tom"], commits: 1, mergedFiles: [], keptBeside: ["a.conflict-tom.png"]),
            "sync: merge Tom's work (1 commit(s))\n\nNot merged as text; the other version kept beside:\n"
                + "- a.conflict-tom.png"
        ),
        (
            .droppedPaths([
                .init(path: "sub/.git/config", commit: "1a2b3c4", author: "Mallory"),
                .init(path: "x/.GIT/hooks", commit: "5d6e7f8", author: "Mallory Q"),
            ]),
            "sync: drop paths git cannot check out\n\n- sub/.git/config (from 1a2b3c4 by Mallory)\n"
                + "- x/.GIT/hooks (from 5d6e7f8 by Mallory Q)"
        ),
        (.memberChanged(by: "priya", handle: "tom", action: .added), "members: priya added tom"),
        (.memberChanged(by: "priya", handle: "tom", action: .updated), "members: priya updated tom"),
        (.memberChanged(by: "lee", handle: "sam", action: .removed), "members: lee removed sam"),
    ]

    static func change(_ change: TaskChange) -> CommitMessage {
        .taskChanged(kind: .task, id: "k7q2xm", author: "tom", change: change)
    }

    @Test("every message renders exactly as baton has always committed it")
    func rendersExactly() {
        for (message, text) in Self.cases {
            #expect(message.text == text)
        }
    }

    @Test("every message reads back as itself (render, then parse)")
    func roundTrips() {
        for (message, _) in Self.cases {
            #expect(CommitMessage(parsing: message.text) == message, "\(message.text)")
        }
    }

    @Test("the first line alone reads back too (what history views see)")
    func summaryAlone() {
        let summary = "sync: merge Tom's work (2 commit(s))"
        #expect(
            CommitMessage(parsing: summary)
                == .syncMerge(authors: ["Tom"], commits: 2, mergedFiles: [], keptBeside: []))
        #expect(CommitMessage(parsing: "note: priya 2026-11-24\n")?.author == "priya")
    }

    @Test("a created task names no author: `created` is not read as a handle")
    func createdIsNoHandle() {
        let created = CommitMessage(parsing: "task k7q2xm: created \"Backfill\" (owner priya)")
        #expect(created == .taskCreated(id: "k7q2xm", title: "Backfill", owner: "priya"))
        #expect(created?.author == nil)
        // A hand-written `created` line that is not baton's still names nobody.
        #expect(CommitMessage(parsing: "task k7q2xm: created it by hand")?.author == nil)
        #expect(CommitMessage(parsing: "task k7q2xm: created \" (owner priya)")?.author == nil)
    }

    @Test("the author each message names")
    func authors() {
        #expect(CommitMessage(parsing: "note: priya 2026-11-24 blockers")?.author == "priya")
        #expect(CommitMessage(parsing: "task k7q2xm: tom blocked: waiting on API keys")?.author == "tom")
        let ask = "ask p3hd9x: priya asks tom, respond by 2026-11-25 09:14 +05:30"
        #expect(CommitMessage(parsing: ask)?.author == "priya")
        #expect(CommitMessage(parsing: "ask p3hd9x: tom replied: sure")?.author == "tom")
        #expect(CommitMessage(parsing: "hand edits: notes/a.md")?.author == nil)
        #expect(CommitMessage(parsing: "journal: created for team data")?.author == nil)
        #expect(CommitMessage(parsing: "members: lee removed sam")?.author == "lee")
    }

    @Test("hand-written and older forms still read; other messages do not")
    func lenientAndForeign() {
        // The form docs/FORMAT.md showed for a note.
        #expect(
            CommitMessage(parsing: "note: priya 2026-11-24 (today)")
                == .noteAdded(author: "priya", day: Self.day, section: .today, writtenOn: nil))
        #expect(
            CommitMessage(parsing: "task k7q2xm: tom fixed the flaky test")
                == Self.change(.logged("fixed the flaky test")))
        for foreign in [
            "", "Initial commit", "note:", "note: priya", "note: priya yesterday", "task NOPE: tom started",
            "task k7q2xm:tom started", "sync: merge everything", "Merge branch 'main'",
            "members: priya", "members: priya hired tom", "members: priya added",
        ] {
            #expect(CommitMessage(parsing: foreign) == nil, "\(foreign)")
        }
    }

    @Test("a task change's log line reads back as the change")
    func logLines() {
        let changes: [TaskChange] = [
            .status(.doing, detail: nil), .status(.blocked, detail: "a: b"), .assigned(to: "lee", note: "x"),
            .replied(text: "ok", done: true), .replied(text: "ok", done: false), .edited, .logged("pairing"),
        ]
        for change in changes {
            #expect(TaskChange(logLine: change.logLine) == change, "\(change.logLine)")
        }
    }
}
