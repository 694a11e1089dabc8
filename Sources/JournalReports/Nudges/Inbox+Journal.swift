import Foundation
import JournalModel
import JournalSync

extension Inbox {
    /// The inbox of `me` read from `journal`: every task, the mentions of the last 30 days, and this device's
    /// seen state applied. `unreadable` hears of each file that could not be read.
    public static func read(
        journal: Journal, me: String, now: Timestamp, zone: TimeZone, rule: ClosingRule = .quarter,
        unreadable: ((UnreadableFile) -> Void)? = nil
    ) -> (inbox: Inbox, tasks: [TaskDocument], seen: SeenState) {
        // Only the bodies the inbox reads: tasks and asks of mine, to me or from me, and those changed in the
        // mentions' window; the others' front matter is enough (thousands of old tasks are never parsed whole).
        let recent = now.date.addingTimeInterval(-Double(MentionFinder.recentDays + 1) * 86_400)
        let (tasks, bad) = journal.loadTasks(readBody: { task in
            task.owner == me || task.from == me || task.to == me || task.updated.date >= recent
        })
        for file in bad { unreadable?(file) }
        var inbox = Inbox(tasks: tasks, me: me, now: now.date, zone: zone)
        inbox.authors = AuthorClock(config: journal.config)
        inbox.rule = rule
        // A day ahead of the reader's: an author east of them may already be on tomorrow.
        let today = now.localDay.adding(days: 1)
        let notes = journal.recentNotes(days: MentionFinder.recentDays + 1, today: today, unreadable: unreadable)
        let mentions = MentionFinder.find(
            me: me, tasks: tasks, notes: notes, today: today, authors: AuthorClock(config: journal.config))
        let seen = journal.seenState()
        inbox.apply(seen, mentions: mentions)
        return (inbox, tasks, seen)
    }
}
