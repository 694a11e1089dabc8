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
    /// Files that could not be read and are left out: the overview lists them under "could not read".
    public var unreadable: [UnreadableFile] = []

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

    /// The digest of the week up to today (the overview's content).
    func digest(days: Int = 7, member: String? = nil) -> Digest {
        let today = now.localDay
        let since = today.adding(days: -(days - 1))
        var input = DigestInput(
            team: team, since: since, until: today, zone: zone, now: now, staleDays: staleDays, member: member,
            tasks: tasks,
            notes: notes.filter { $0.day >= since && $0.day <= today && (member == nil || $0.author == member) },
            events: events)
        input.config = config
        return Digest(input)
    }
}
