import Foundation
import JournalModel
import JournalSync

/// Writes the dashboard into a folder: the pages, the stylesheet and copies of the attachments.
public enum SiteWriter {
    /// Builds the site from the journal and writes it to `folder`; returns the number of pages.
    /// Files and old versions that cannot be read are left out and told to `skipped`, one line each.
    @discardableResult
    public static func write(
        journal: Journal, to folder: String, zone: TimeZone, now: Timestamp,
        skipped: (@Sendable (String) -> Void)? = nil
    ) throws -> Int {
        let tasks = journal.readableTasks()
        let events = try journal.history(JournalHistory.Query(skipped: skipped), tasks: tasks)
        var notes: [(author: String, day: LocalDay, note: DailyNote)] = []
        for path in journal.markdownFiles(under: JournalLayout.notesFolder) {
            guard case .note(let handle, let day) = JournalLayout.classify(path: path),
                let text = journal.readSkippingBad(path)
            else { continue }
            do {
                notes.append((handle, day, try DailyNote.parse(text, path: path)))
            } catch {
                let reason = (error as? LocalizedError)?.errorDescription ?? "\(error)"
                JournalWarnings.shared.unreadable(UnreadableFile(path: path, message: reason))
            }
        }
        // Regular files only: a link in the attachments is skipped with a warning, never followed.
        let attachments = journal.regularFiles(under: JournalLayout.attachmentsFolder)
        var input = SiteInput(
            team: journal.config.team, zone: zone, now: now, staleDays: journal.config.staleDays, tasks: tasks,
            notes: notes, events: events, attachments: attachments)
        input.config = journal.config
        input.away = journal.awayPeriods()
        input.unreadable = JournalWarnings.shared.unreadableFiles
        input.authors = AuthorClock(config: journal.config)
        input.teamZone = journal.config.timeZone
        let period = input.period.first...input.period.last
        input.missingNotes = MissingNotes.of(
            journal: journal, days: period, notes: notes.filter { period.contains($0.day) }, now: now, member: nil,
            includeToday: false, tasks: tasks)
        let pages = SiteBuilder(input).pages()
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (relative, text) in pages {
            let path = folder + "/" + relative
            try fm.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        }
        for relative in attachments {
            let data: Data
            do {
                guard let read = try journal.readData(relative) else { continue }
                data = read
            } catch {
                JournalWarnings.shared.skipped(relative, error: error)
                continue
            }
            let target = folder + "/" + relative
            try fm.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            if fm.fileExists(atPath: target) { try fm.removeItem(atPath: target) }
            try data.write(to: URL(fileURLWithPath: target))
        }
        return pages.count
    }
}
