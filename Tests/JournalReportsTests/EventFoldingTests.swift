import JournalModel
import Testing

@testable import JournalReports

/// History reads like a story: one event per thing that happened, not one per line that changed.
@Suite("Folding history events")
struct EventFoldingTests {
    static let at = Timestamp(iso: "2026-11-24T09:14:00+05:30")!
    static let later = Timestamp(iso: "2026-11-24T10:00:00+05:30")!

    static func event(_ change: HistoryEvent.Change, at: Timestamp = at, by author: String = "priya") -> HistoryEvent {
        HistoryEvent(
            commit: "c1", at: at, author: author, taskID: "k7q2xm", noteDay: nil, path: "tasks/k7q2xm.md",
            change: change)
    }

    @Test("a new task is one event with its first values and its `created` log line")
    func creationIsOneEvent() {
        let folded = EventFolding.fold([
            Self.event(.created(title: "Backfill")), Self.event(.field(name: "status", old: nil, new: "todo")),
            Self.event(.field(name: "owner", old: nil, new: "priya")),
            Self.event(.field(name: "due", old: nil, new: "2026-12-01")), Self.event(.log(text: "created")),
        ])
        #expect(folded.count == 1)
        #expect(folded.first?.summary == "created \"Backfill\" (status todo, owner priya, due 2026-12-01)")
        #expect(folded.first?.logText == "created")
    }

    @Test("a status change and its log line are one event, named by the log line")
    func statusAndLogAreOneEvent() {
        let folded = EventFolding.fold([
            Self.event(.field(name: "status", old: "todo", new: "doing")),
            Self.event(.log(text: "started"), at: Self.later, by: "priya"),
        ])
        #expect(folded.count == 1)
        #expect(folded.first?.change == .field(name: "status", old: "todo", new: "doing"))
        #expect(folded.first?.summary == "started (status: todo → doing)")
        #expect(folded.first?.at == Self.later)
    }

    @Test("a block: status, reason and log line are one event; the digest still finds the reason")
    func blockIsOneEvent() {
        let folded = EventFolding.fold([
            Self.event(.field(name: "status", old: "doing", new: "blocked")),
            Self.event(.field(name: "blocked_reason", old: nil, new: "waiting on DBA")),
            Self.event(.log(text: "blocked: waiting on DBA")),
        ])
        #expect(folded.count == 1)
        #expect(
            folded.first?.summary
                == "blocked: waiting on DBA (status: doing → blocked, blocked_reason: – → waiting on DBA)")
        #expect(Digest.reason(for: folded[0], in: folded) == "waiting on DBA")
    }

    @Test("a hand-off is one event named by its note, the owner change beside it")
    func handOffIsOneEvent() {
        let folded = EventFolding.fold([
            Self.event(.field(name: "owner", old: "priya", new: "tom")),
            Self.event(.log(text: "handed to tom: 0043-0045 left")),
        ])
        #expect(folded.map(\.summary) == ["handed to tom: 0043-0045 left (owner: priya → tom)"])
    }

    @Test("a hand edit without a log line stays a field change; a second log line stays its own event")
    func handEditAndExtraLines() {
        let plain = EventFolding.fold([Self.event(.field(name: "due", old: "2026-12-01", new: "2026-12-15"))])
        #expect(plain.map(\.summary) == ["due: 2026-12-01 → 2026-12-15"])
        let two = EventFolding.fold([
            Self.event(.field(name: "status", old: "doing", new: "done")), Self.event(.log(text: "done")),
            Self.event(.log(text: "paired with lee")),
        ])
        #expect(two.map(\.summary) == ["done (status: doing → done)", "log: paired with lee"])
        let logOnly = EventFolding.fold([Self.event(.log(text: "paired with lee"))])
        #expect(logOnly.map(\.summary) == ["log: paired with lee"])
    }

    @Test("note bullets are never folded")
    func notesStay() {
        let bullet = HistoryEvent(
            commit: "c1", at: Self.at, author: "lee", taskID: nil, noteDay: LocalDay(string: "2026-11-24"),
            path: "notes/lee/2026/2026-11-24.md", change: .noteBullet(section: "Today", text: "a"))
        #expect(EventFolding.fold([bullet, bullet]) == [bullet, bullet])
    }

    @Test("a settled collision replaces both sides' changes with one event")
    func settledCollisionIsOneEvent() {
        var laptop = Self.event(.field(name: "status", old: "todo", new: "doing"), at: Self.at, by: "lee")
        laptop.logText = "started"
        laptop.commit = "a"
        var desktop = Self.event(.field(name: "status", old: "todo", new: "blocked"), at: Self.later, by: "lee-desk")
        desktop.logText = "blocked: keys"
        desktop.commit = "b"
        let note = Self.event(.log(text: "paired"))
        let merge = SettledMerge(
            commit: "m", at: Timestamp(iso: "2026-11-24T11:00:00+05:30")!,
            collisions: [
                SettledCollision(
                    path: "tasks/k7q2xm.md", field: "status", kept: "blocked", keptBy: "Lee Desk", other: "doing",
                    otherBy: "Lee Laptop")
            ])
        let events = SettledMerge.apply([merge], to: [laptop, note, desktop])
        #expect(events.count == 2)
        let settled = events.last
        #expect(settled?.summary == "status: doing (lee) vs blocked (lee-desk): blocked kept")
        #expect(settled?.change == .field(name: "status", old: "todo", new: "blocked"))
        #expect(settled?.at == Self.later)
        #expect(events.first == note)
    }

    @Test("one person on two clones: the clones' commit names tell the sides apart; no side found: the merge's")
    func settledCollisionNames() {
        let laptop = Self.event(.field(name: "status", old: "todo", new: "doing"), at: Self.at, by: "lee")
        let desktop = Self.event(.field(name: "status", old: "todo", new: "blocked"), at: Self.later, by: "lee")
        let collision = SettledCollision(
            path: "tasks/k7q2xm.md", field: "status", kept: "blocked", keptBy: "Lee (desktop)", other: "doing",
            otherBy: "Lee (laptop)")
        let merge = SettledMerge(commit: "m", at: Timestamp(iso: "2026-11-24T11:00:00+05:30")!, collisions: [collision])
        let both = SettledMerge.apply([merge], to: [laptop, desktop])
        #expect(both.map(\.summary) == ["status: doing (Lee (laptop)) vs blocked (Lee (desktop)): blocked kept"])
        let none = SettledMerge.apply([merge], to: [])
        #expect(none.map(\.summary) == ["status: doing (Lee (laptop)) vs blocked (Lee (desktop)): blocked kept"])
        #expect(none.first?.at == merge.at && none.first?.taskID == "k7q2xm")
    }
}
