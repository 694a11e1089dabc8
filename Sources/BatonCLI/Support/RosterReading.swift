import Foundation
import JournalModel
import JournalReports
import JournalSync

/// The roster's part of the reading commands: who did not post, and which files could not be read.
enum RosterReading {
    /// The roster members (or `member` only) with no note on a working day of `days`. `notes` are the
    /// period's notes; a note that exists but could not be read counts as posted (it is listed as unreadable).
    static func missingNotes(
        journal: Journal, days: ClosedRange<LocalDay>, notes: [(author: String, day: LocalDay, note: DailyNote)],
        now: Timestamp, member: String?, includeToday: Bool
    ) -> [MissingNote] {
        var posted = Set<String>()
        for note in notes where MissingNotes.hasBullets(note.note) { posted.insert("\(note.author) \(note.day)") }
        for file in JournalWarnings.shared.unreadableFiles {
            if let (author, day) = MissingNotes.noteKey(of: file.path) { posted.insert("\(author) \(day)") }
        }
        let roster = journal.roster(today: now.localDay)
        return MissingNotes.find(
            roster: roster, config: journal.config, days: days, now: now.date, member: member,
            includeToday: includeToday, posted: { posted.contains("\($0) \($1)") })
    }
}
