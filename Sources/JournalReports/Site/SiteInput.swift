import Foundation
import JournalModel
import JournalSync

/// What the dashboard is built from: current files, every note, the history, the reader's clock.
public struct SiteInput: Sendable {
    public var team: String
    public var zone: TimeZone
    public var now: Timestamp
    public var staleDays: Int
    public var tasks: [TaskDocument]
    /// Every note: author, day, note.
    public var notes: [(author: String, day: LocalDay, note: DailyNote)]
    public var events: [HistoryEvent]
    /// Journal-relative paths of the files under `attachments/`.
    public var attachments: [String]
    /// The journal's configuration (the roster's zones and workdays for the response-window charts).
    public var config: JournalConfig?
    /// Everyone's time away, by handle (days away are not working days).
    public var away: [String: [AwayPeriod]] = [:]
    /// Files that could not be read and are left out: the overview lists them under "could not read".
    public var unreadable: [UnreadableFile] = []
    /// Roster members with no note on a working day of theirs in the overview's period.
    public var missingNotes: [MissingNote] = []
    /// The authors' zones: every event is placed on its author's local day.
    public var authors = AuthorClock()
    /// The team's zone (baton.yml `timezone`): it decides which week is "this week".
    public var teamZone = TimeZone(secondsFromGMT: 0) ?? .current

    public init(
        team: String, zone: TimeZone, now: Timestamp, staleDays: Int, tasks: [TaskDocument],
        notes: [(author: String, day: LocalDay, note: DailyNote)], events: [HistoryEvent], attachments: [String]
    ) {
        self.team = team
        self.zone = zone
        self.now = now
        self.staleDays = staleDays
        self.tasks = tasks
        self.notes = notes
        self.events = events
        self.attachments = attachments
    }

    /// The week `digest` reads by default: this week so far, or last week on a Monday (in the team's zone).
    var period: ReadingPeriod { ReadingPeriod.defaultPeriod(teamToday: now.converted(to: teamZone).localDay) }

    /// The digest of `period` (the overview's content).
    func digest(member: String? = nil) -> Digest {
        let (since, until) = (period.first, period.last)
        var input = DigestInput(
            team: team, since: since, until: until, zone: zone, now: now, staleDays: staleDays, member: member,
            tasks: tasks,
            notes: notes.filter { $0.day >= since && $0.day <= until && (member == nil || $0.author == member) },
            events: events, periodKind: period.kind, authors: authors)
        input.config = config
        input.away = away
        return Digest(input)
    }
}
