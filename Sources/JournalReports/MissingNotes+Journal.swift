import Foundation
import JournalModel
import JournalSync

extension MissingNotes {
    /// The roster members (or `member` only) with no note on a working day of `days`, read from `journal`.
    /// `notes` are the period's notes; a note that exists but could not be read counts as posted (it is
    /// listed as unreadable instead). `tasks`, when the caller has them loaded (with the logs of the tasks
    /// updated in the last 30 days), spare the roster a second read.
    public static func of(
        journal: Journal, days: ClosedRange<LocalDay>, notes: [(author: String, day: LocalDay, note: DailyNote)],
        now: Timestamp, member: String?, includeToday: Bool, tasks: [TaskDocument]? = nil
    ) -> [MissingNote] {
        var posted = Set<String>()
        for note in notes where hasBullets(note.note) { posted.insert("\(note.author) \(note.day)") }
        for file in JournalWarnings.shared.unreadableFiles {
            if let (author, day) = noteKey(of: file.path) { posted.insert("\(author) \(day)") }
        }
        let roster = journal.roster(today: now.localDay, tasks: tasks)
        return find(
            roster: roster, config: journal.config, days: days, now: now.date, member: member,
            away: journal.awayPeriods(), includeToday: includeToday, posted: { posted.contains("\($0) \($1)") })
    }
}
