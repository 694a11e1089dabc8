import Foundation
import JournalModel

/// What a digest is built from: the current files, the history of the period and the reader's clock.
public struct DigestInput: Sendable {
    public var team: String
    public var since: LocalDay
    public var until: LocalDay
    public var zone: TimeZone
    public var now: Timestamp
    public var staleDays: Int
    /// Only this person (nil: everyone).
    public var member: String?
    /// The current tasks and asks the reading uses; read from the journal, those closed before the period
    /// (and the roster's 30 days) and not updated since are left out, as nothing here counts them.
    public var tasks: [TaskDocument]
    /// Notes of the period: author, the note's day, the note.
    public var notes: [(author: String, day: LocalDay, note: DailyNote)]
    /// History events (any period; the builder keeps the ones inside the period for activity).
    public var events: [HistoryEvent]
    /// The journal's configuration (the roster's zones and workdays); nil: the reader's zone, Monday to Friday.
    public var config: JournalConfig?
    /// Everyone's time away, by handle: days away are not working days (participation).
    public var away: [String: [AwayPeriod]] = [:]
    /// How the period was chosen.
    public var periodKind: ReadingPeriod.Kind
    /// The authors' zones: an event is in the period when its author's local day is.
    public var authors: AuthorClock
    /// Titles, by id, of tasks the period's changes name that are not in `tasks`, so those changes stay
    /// named: task files that do not read (from their `title:` line), and closed tasks left out.
    public var otherTitles: [String: String] = [:]

    public init(
        team: String, since: LocalDay, until: LocalDay, zone: TimeZone, now: Timestamp, staleDays: Int, member: String?,
        tasks: [TaskDocument], notes: [(author: String, day: LocalDay, note: DailyNote)], events: [HistoryEvent],
        periodKind: ReadingPeriod.Kind = .days, authors: AuthorClock = AuthorClock()
    ) {
        self.periodKind = periodKind
        self.authors = authors
        self.team = team
        self.since = since
        self.until = until
        self.zone = zone
        self.now = now
        self.staleDays = staleDays
        self.member = member
        self.tasks = tasks
        self.notes = notes
        self.events = events
    }

    /// The period as instants: from the start of `since` to the start of the day after `until`, in the zone.
    public var interval: (start: Date, end: Date) {
        (since.startDate(in: zone), until.adding(days: 1).startDate(in: zone))
    }

    /// Instants that hold every event whose author's local day is in the period, whatever the author's zone
    /// (UTC-12 to UTC+14): what the history walk must read.
    public var widenedInterval: (start: Date, end: Date) {
        let utc = TimeZone(secondsFromGMT: 0) ?? zone
        return (
            since.startDate(in: utc).addingTimeInterval(-14 * 3600),
            until.adding(days: 1).startDate(in: utc).addingTimeInterval(12 * 3600)
        )
    }

    /// Whether `event` is in the period: its author's local day is.
    func contains(_ event: HistoryEvent) -> Bool {
        let day = authors.day(of: event.at, by: event.author)
        return day >= since && day <= until
    }

    /// Whether a task's log line is in the period: its author's local day is.
    func isInPeriod(_ entry: LogEntry) -> Bool {
        let day = authors.day(of: entry.at, by: entry.author)
        return day >= since && day <= until
    }
}
