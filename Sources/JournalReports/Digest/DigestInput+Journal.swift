import Foundation
import JournalModel
import JournalSync

extension DigestInput {
    /// The digest's input from `journal` for the days `first...last` in `zone`: the current tasks it uses
    /// (loaded on another core while the history is walked), one walk over the period's task changes,
    /// and the period's notes from the work tree. Files and old versions that cannot be read are told
    /// to `skipped` (one line each) and left out.
    public init(
        journal: Journal, since first: LocalDay, until last: LocalDay, zone: TimeZone, now: Timestamp,
        staleDays: Int?, member: String?, periodKind: ReadingPeriod.Kind = .days,
        skipped: @escaping @Sendable (String) -> Void
    ) throws {
        // The current tasks load on the other cores while the history is walked, through a journal of their
        // own: a `Journal` stays on the thread that opened it. (Only open tasks and asks need their logs here.)
        let root = journal.root
        let periodStart = first.startDate(in: zone).addingTimeInterval(-Self.widestOffset)
        // Without `members:` the roster (who did not post) is who wrote in the last 30 days: their task
        // logs are read here too, so the roster needs no second pass over the tasks.
        let rosterStart = now.localDay.adding(days: -(Roster.recentDays - 1)).startDate(in: zone)
            .addingTimeInterval(-Self.widestOffset)
        let bodySince = journal.config.members?.isEmpty ?? true ? min(periodStart, rosterStart) : periodStart
        // Tasks closed before that and not touched since count for nothing here but the people they name
        // (to recognise authors in the walk): only those handles are kept of them, not the documents (most
        // of a ten-year journal's 100,000 tasks).
        let loading = InBackground {
            Result { () -> (tasks: [TaskDocument], handles: Set<String>, unreadable: [UnreadableFile]) in
                let needed = Self.needsBody(since: bodySince)
                var tasks: [TaskDocument] = []
                var handles: Set<String> = []
                let unreadable = try Journal.open(from: root).forEachReadableTask(readBody: needed) { task in
                    task.insertHandles(into: &handles)
                    if needed(task) { tasks.append(task) }
                }
                return (tasks, handles, unreadable)
            }
        }
        let authors = AuthorClock(config: journal.config)
        // Events count on their author's local day: walk every instant such a day can cover.
        let (start, end) = DigestInput(
            team: "", since: first, until: last, zone: zone, now: now, staleDays: 0, member: nil, tasks: [], notes: [],
            events: []
        ).widenedInterval
        // One walk over the period only, so the cost follows the period, not the journal's age. A task
        // blocked before the period gets its "blocked since" from its own log (`Digest.blockedSince`).
        // The digest reads notes from the work tree and only task changes from the history.
        let query = JournalHistory.Query(paths: [JournalLayout.tasksFolder], since: start, until: end, skipped: skipped)
        let events = try journal.history(query, taskHandlesAfterWalk: { (try? loading.value.get())?.handles ?? [] })
        let loaded = try loading.value.get()
        let tasks = loaded.tasks
        for file in loaded.unreadable { JournalWarnings.shared.unreadable(file) }
        let notes = journal.notes(in: first...last, unreadable: { JournalWarnings.shared.unreadable($0) })
        self.init(
            team: journal.config.team, since: first, until: last, zone: zone, now: now,
            staleDays: staleDays ?? journal.config.staleDays, member: member, tasks: tasks,
            notes: notes.filter { member == nil || $0.author == member }, events: events, periodKind: periodKind,
            authors: authors)
        config = journal.config
        away = journal.awayPeriods()
        for file in loaded.unreadable {
            guard case .task(let id) = JournalLayout.classify(path: file.path),
                let text = try? journal.read(file.path), let title = TaskDocument.salvagedTitle(from: text)
            else { continue }
            otherTitles[id] = title
        }
        // A change in the period to a task left out (its `updated` older than the change: a hand edit).
        let kept = Set(tasks.map(\.id))
        for id in Set(events.compactMap(\.taskID)) where !kept.contains(id) && otherTitles[id] == nil {
            if let task = try? journal.loadTask(id: id) { otherTitles[id] = task.title }
        }
    }

    /// A day starts up to 14 hours earlier in some zone than in UTC: a log line of the period's first local day
    /// can be that much before the period's start in the reader's zone.
    static let widestOffset: TimeInterval = 26 * 3600

    /// Which tasks' logs a reading needs: asks, open tasks, and any task updated since `start` (hand-offs,
    /// tasks done, blockers cleared in the period).
    static func needsBody(since start: Date) -> @Sendable (TaskDocument) -> Bool {
        { $0.kind == .ask || $0.status.isOpen || $0.updated.date >= start }
    }
}
