import Foundation
import JournalModel

/// How the team keeps its response windows in a period: asks answered and how fast, per responder and for
/// the team; each person's participation (working days with a note); how long blockers stayed open.
/// The formulas are documented in docs/FORMAT.md ("Measures").
public struct Responsiveness: Sendable, Equatable {
    /// Asks received in the period by one responder (or the whole team) and how they were answered.
    public struct Windows: Sendable, Equatable {
        /// Asks created in the period (the asker's local day).
        public var received = 0
        /// Of those, answered by now.
        public var answered = 0
        /// Of those, answered at or before their respond-by time.
        public var answeredInWindow = 0
        /// Of those, unanswered, still open and past their respond-by time now.
        public var waitingPastWindow = 0
        /// Median and 90th percentile (nearest rank) of the time to first answer, in seconds.
        public var medianSeconds: Int?
        public var p90Seconds: Int?

        public init() {}

        init(asks: [TaskDocument], now: Timestamp) {
            var times: [Int] = []
            for ask in asks {
                received += 1
                if let answer = AskAnswer.first(ask, now: now) {
                    answered += 1
                    times.append(Int(answer.at.date.timeIntervalSince(ask.created.date)))
                    if let by = ask.respondBy, answer.at <= by { answeredInWindow += 1 }
                } else if ask.status.isOpen, let by = ask.respondBy, by.date < now.date {
                    waitingPastWindow += 1
                }
            }
            medianSeconds = Percentile.median(times)
            p90Seconds = Percentile.nearestRank(90, of: times)
        }
    }

    /// One responder's windows.
    public struct Responder: Sendable, Equatable {
        public var handle: String
        public var windows: Windows
    }

    /// One person's working days in the period (up to today in their zone) and how many have a note.
    public struct Participation: Sendable, Equatable {
        public var handle: String
        public var daysWithNote: Int
        public var workingDays: Int
    }

    /// How long blockers stayed open: those cleared in the period, and those still open now.
    public struct Blockers: Sendable, Equatable {
        public var cleared = 0
        /// Median (nearest rank) and longest open time of the blockers cleared in the period, in seconds.
        public var medianClearedSeconds: Int?
        public var longestClearedSeconds: Int?
        /// Tasks blocked now, and the longest time one of them has been blocked, in seconds.
        public var stillOpen = 0
        public var longestOpenSeconds: Int?

        public init() {}
    }

    public var responders: [Responder]
    public var team: Windows
    public var participation: [Participation]
    public var blockers: Blockers

    /// The measures of `since...until` (local days; every event belongs to its author's local day) at `now`.
    /// `people` are the handles whose participation is counted; `calendar` gives their zones, workdays and
    /// days away (a day away is not a working day).
    public init(
        tasks: [TaskDocument], notes: [(author: String, day: LocalDay, note: DailyNote)], since: LocalDay,
        until: LocalDay, now: Timestamp, people: [String], calendar: WorkCalendar, member: String? = nil
    ) {
        let period = since...until
        let asks = tasks.filter { $0.kind == .ask && period.contains($0.created.localDay) }
            .filter { member == nil || AskAnswer.responder($0) == member }
        let byResponder = Dictionary(grouping: asks, by: AskAnswer.responder)
        responders = byResponder.keys.sorted().map {
            Responder(handle: $0, windows: Windows(asks: byResponder[$0]!, now: now))
        }
        team = Windows(asks: asks, now: now)

        participation = people.sorted().map { handle in
            let zone = calendar.zone(of: handle)
            let today = LocalDay(date: now.date, in: zone)
            var days: Set<LocalDay> = []
            var day = since
            while day <= until, day <= today {
                if calendar.isWorkingDay(handle, day), calendar.isOnTeam(handle, on: day) { days.insert(day) }
                day = day.adding(days: 1)
            }
            let noted = Set(notes.filter { $0.author == handle && Self.hasBullets($0.note) }.map(\.day))
            return Participation(handle: handle, daysWithNote: days.intersection(noted).count, workingDays: days.count)
        }

        var blockers = Blockers()
        var cleared: [Int] = []
        var open: [Int] = []
        for task in tasks where member == nil || task.owner == member {
            let spans = BlockerSpans(task)
            for span in spans.closed where period.contains(span.end.localDay) {
                cleared.append(Int(span.end.date.timeIntervalSince(span.start.date)))
            }
            if task.status == .blocked {
                let start = spans.openSince ?? task.updated
                open.append(max(0, Int(now.date.timeIntervalSince(start.date))))
            }
        }
        blockers.cleared = cleared.count
        blockers.medianClearedSeconds = Percentile.median(cleared)
        blockers.longestClearedSeconds = cleared.max()
        blockers.stillOpen = open.count
        blockers.longestOpenSeconds = open.max()
        self.blockers = blockers
    }

    /// True when a note has at least one bullet.
    static func hasBullets(_ note: DailyNote) -> Bool {
        NoteSection.allCases.contains { !note.bullets(in: $0).isEmpty }
    }
}

/// A task's blocked spans read from its log in time order: a `blocked` line opens one (unless one is open),
/// the next other status line (`started`, `done`, `dropped`, `reopened`) closes it.
struct BlockerSpans {
    var closed: [(start: Timestamp, end: Timestamp)] = []
    var openSince: Timestamp?

    init(_ task: TaskDocument) {
        var lastBlocked: Timestamp?
        for entry in task.log.sorted(by: { $0.at < $1.at }) {
            guard case .status(let status, _) = TaskChange(logLine: entry.text) else { continue }
            if status == .blocked {
                if openSince == nil { openSince = entry.at }
                lastBlocked = entry.at
            } else if let start = openSince {
                closed.append((start, entry.at))
                openSince = nil
            }
        }
        // Concurrent changes merged as `blocked` although a later line reads otherwise: open since the last block.
        if task.status == .blocked, openSince == nil { openSince = lastBlocked }
    }
}
