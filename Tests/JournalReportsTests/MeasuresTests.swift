import Foundation
import JournalModel
import Testing

@testable import JournalReports

@Suite("Response windows, participation, blocker times and hand-offs: the formulas")
struct MeasuresTests {
    func ts(_ s: String) -> Timestamp { Timestamp(iso: s)! }
    func day(_ s: String) -> LocalDay { LocalDay(string: s)! }
    func log(_ at: String, _ who: String, _ text: String) -> LogEntry { LogEntry(at: ts(at), author: who, text: text) }
    func note(_ text: String = "- 09:00 worked") throws -> DailyNote {
        try DailyNote.parse("## Today\n\n\(text)\n", path: "notes/x/2026/2026-11-16.md")
    }

    func ask(
        _ id: String, to: String, created: String, hours: Double, status: TaskStatus = .todo, log: [LogEntry] = []
    ) -> TaskDocument {
        let at = ts(created)
        let by = Timestamp(date: at.date.addingTimeInterval(hours * 3600), offsetSeconds: at.offsetSeconds)
        return TaskDocument(
            id: id, kind: .ask, title: "ask \(id)", status: status, owner: to, created: at, from: "priya", to: to,
            respondBy: by, log: [LogEntry(at: at, author: "priya", text: "created")] + log)
    }

    @Test("Nearest rank: the value at rank ⌈p·n/100⌉; the median is the lower middle for an even count")
    func nearestRank() {
        #expect(Percentile.nearestRank(90, of: Array(1...10)) == 9)
        #expect(Percentile.nearestRank(90, of: Array(1...11)) == 10)
        #expect(Percentile.nearestRank(90, of: [20, 10]) == 20)
        #expect(Percentile.nearestRank(90, of: [5]) == 5)
        #expect(Percentile.nearestRank(100, of: [3, 9, 1]) == 9)
        #expect(Percentile.median([4, 1, 3, 2]) == 2)
        #expect(Percentile.median([3, 1, 2]) == 2)
        #expect(Percentile.median([]) == nil)
        #expect(Percentile.nearestRank(0, of: [1]) == nil)
    }

    @Test("Asks per responder and for the team: answered, in the window, median, p90, waiting past the window")
    func windows() {
        let tasks = [
            // 11 h, within 24 h.
            ask(
                "a", to: "tom", created: "2026-11-16T09:00:00+05:30", hours: 24,
                log: [log("2026-11-16T20:00:00+05:30", "tom", "replied: yes")]),
            // 48 h, past 36 h.
            ask(
                "b", to: "tom", created: "2026-11-17T10:00:00+01:00", hours: 36,
                log: [log("2026-11-19T10:00:00+01:00", "tom", "replied: late, sorry")]),
            // Unanswered, 48 h window ended 2026-11-20T09:00-08:00, before now.
            ask("c", to: "tom", created: "2026-11-18T09:00:00-08:00", hours: 48),
            // The asker's own reply is no answer; the responder's `done` 2 h later is.
            ask(
                "f", to: "tom", created: "2026-11-16T10:00:00+01:00", hours: 24, status: .done,
                log: [
                    log("2026-11-16T11:00:00+01:00", "priya", "replied: any news?"),
                    log("2026-11-16T12:00:00+01:00", "tom", "done"),
                ]),
            // Still inside its window at `now`.
            ask("d", to: "ana", created: "2026-11-20T09:00:00+01:00", hours: 48),
            // Before the period.
            ask("e", to: "ana", created: "2026-11-15T23:00:00+01:00", hours: 24),
        ]
        let r = Responsiveness(
            tasks: tasks, notes: [], since: day("2026-11-16"), until: day("2026-11-20"),
            now: ts("2026-11-21T12:00:00Z"), people: [],
            calendar: WorkCalendar(config: nil, fallbackZone: TimeZone(identifier: "UTC")!))
        var tom = Responsiveness.Windows()
        (tom.received, tom.answered, tom.answeredInWindow, tom.waitingPastWindow) = (4, 3, 2, 1)
        (tom.medianSeconds, tom.p90Seconds) = (39_600, 172_800)
        var ana = Responsiveness.Windows()
        ana.received = 1
        #expect(r.responders == [.init(handle: "ana", windows: ana), .init(handle: "tom", windows: tom)])
        var team = tom
        team.received = 5
        #expect(r.team == team)
    }

    @Test("The digest's late asks and the windows agree on the first answer: a forward is not an answer")
    func lateAsksUseTheFirstAnswer() {
        let forwarded = ask(
            "g", to: "lena", created: "2026-11-16T09:00:00Z", hours: 24,
            log: [
                log("2026-11-16T10:00:00Z", "tom", "assigned to lena: yours"),
                log("2026-11-17T15:00:00Z", "lena", "replied: here"),
            ])
        let input = DigestInput(
            team: "relay", since: day("2026-11-16"), until: day("2026-11-20"), zone: TimeZone(identifier: "UTC")!,
            now: ts("2026-11-21T12:00:00Z"), staleDays: 7, member: nil, tasks: [forwarded], notes: [], events: [])
        let digest = Digest(input)
        #expect(digest.lateAsks.map(\.answeredBy) == ["lena"])
        #expect(digest.lateAsks.map(\.answeredAt) == [ts("2026-11-17T15:00:00Z")])
        #expect(digest.responsiveness.team.answered == 1)
        #expect(digest.responsiveness.team.answeredInWindow == 0)
        #expect(digest.responsiveness.team.medianSeconds == 108_000)
        #expect(digest.relay.handoffs.map(\.to) == ["lena"])
    }

    @Test("Participation: working days of the person's own week, up to their today, that have a note")
    func participation() throws {
        let config = JournalConfig(
            members: [
                Member(handle: try Handle("tom"), zone: "Europe/Berlin"),
                Member(handle: try Handle("ana"), zone: "America/Los_Angeles", workdays: [.mon, .tue, .wed, .thu]),
            ])
        let calendar = WorkCalendar(config: config, fallbackZone: TimeZone(identifier: "UTC")!)
        let notes = [
            ("tom", day("2026-11-16"), try note()), ("tom", day("2026-11-17"), try note()),
            ("tom", day("2026-11-18"), try note("")),  // no bullet: no note
            ("ana", day("2026-11-19"), try note()), ("ana", day("2026-11-20"), try note()),  // Friday: not hers
        ].map { (author: $0.0, day: $0.1, note: $0.2) }
        let week = Responsiveness(
            tasks: [], notes: notes, since: day("2026-11-16"), until: day("2026-11-22"),
            now: ts("2026-11-23T08:00:00Z"), people: ["tom", "ana"], calendar: calendar)
        #expect(
            week.participation == [
                .init(handle: "ana", daysWithNote: 1, workingDays: 4),
                .init(handle: "tom", daysWithNote: 2, workingDays: 5),
            ])
        // At 2026-11-18T06:00Z it is Wednesday in Berlin but still Tuesday in San Francisco.
        let early = Responsiveness(
            tasks: [], notes: notes, since: day("2026-11-16"), until: day("2026-11-22"),
            now: ts("2026-11-18T06:00:00Z"), people: ["tom", "ana"], calendar: calendar)
        #expect(early.participation.map(\.workingDays) == [2, 3])
        // Days away are not working days: tom away Tuesday and Wednesday, one of them with a note.
        let away = ["tom": [AwayPeriod(from: day("2026-11-17"), until: day("2026-11-18"))]]
        let awayWeek = Responsiveness(
            tasks: [], notes: notes, since: day("2026-11-16"), until: day("2026-11-22"),
            now: ts("2026-11-23T08:00:00Z"), people: ["tom"],
            calendar: WorkCalendar(config: config, fallbackZone: TimeZone(identifier: "UTC")!, away: away))
        #expect(awayWeek.participation == [.init(handle: "tom", daysWithNote: 1, workingDays: 3)])
    }

    @Test("Blockers: open time of those cleared in the period (median, longest) and of those still open")
    func blockers() {
        let created = ts("2026-11-01T09:00:00Z")
        let twice = TaskDocument(
            id: "x", title: "x", status: .done, owner: "tom", created: created,
            log: [
                log("2026-11-16T10:00:00Z", "tom", "blocked: keys"), log("2026-11-16T14:00:00Z", "tom", "started"),
                log("2026-11-17T09:00:00Z", "tom", "blocked: review"), log("2026-11-18T15:00:00Z", "ana", "done"),
            ])
        let open = TaskDocument(
            id: "y", title: "y", status: .blocked, owner: "ana", created: created,
            log: [log("2026-11-19T12:00:00Z", "ana", "blocked: vendor")])
        let earlier = TaskDocument(
            id: "z", title: "z", status: .doing, owner: "ana", created: created,
            log: [log("2026-11-10T12:00:00Z", "ana", "blocked"), log("2026-11-12T12:00:00Z", "ana", "started")])
        let r = Responsiveness(
            tasks: [twice, open, earlier], notes: [], since: day("2026-11-16"), until: day("2026-11-20"),
            now: ts("2026-11-21T12:00:00Z"), people: [],
            calendar: WorkCalendar(config: nil, fallbackZone: TimeZone(identifier: "UTC")!))
        #expect(r.blockers.cleared == 2)
        #expect(r.blockers.medianClearedSeconds == 14_400)
        #expect(r.blockers.longestClearedSeconds == 108_000)
        #expect(r.blockers.stillOpen == 1)
        #expect(r.blockers.longestOpenSeconds == 172_800)
    }

    @Test("Hand-offs: assigned to someone else, with the note, on the giver's local day; counts per person")
    func relay() throws {
        let task = TaskDocument(
            id: "p3hd9x", title: "Migrations", status: .done, owner: "tom", created: ts("2026-11-16T09:00:00+05:30"),
            log: [
                log("2026-11-16T09:00:00+05:30", "priya", "created"),
                log("2026-11-16T09:05:00+05:30", "priya", "assigned to priya"),
                log("2026-11-16T18:41:00+05:30", "priya", "assigned to tom: migrations done up to 0042"),
                log("2026-11-21T00:30:00+01:00", "tom", "done"),  // Saturday: after the period
            ])
        let asked = ask(
            "q", to: "tom", created: "2026-11-17T10:00:00+01:00", hours: 24,
            log: [log("2026-11-17T11:00:00+01:00", "tom", "replied: ok")])
        let relay = Relay(
            tasks: [task, asked], notes: [(author: "priya", day: day("2026-11-16"), note: try note())],
            since: day("2026-11-16"), until: day("2026-11-20"), now: ts("2026-11-23T08:00:00Z"))
        #expect(
            relay.handoffs == [
                .init(
                    taskID: "p3hd9x", title: "Migrations", from: "priya", to: "tom",
                    note: "migrations done up to 0042", at: ts("2026-11-16T18:41:00+05:30"))
            ])
        var priya = Relay.Counts()
        (priya.notes, priya.tasksCreated, priya.handedOn, priya.asksMade) = (1, 1, 1, 1)
        var tom = Relay.Counts()
        tom.asksAnswered = 1
        #expect(relay.counts(of: "priya") == priya)
        #expect(relay.counts(of: "tom") == tom)
        #expect(DurationText.hoursMinutes(172_800 + 300) == "48h 05m")
        #expect(DurationText.hoursMinutes(nil) == "–")
    }
}
