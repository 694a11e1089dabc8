import ArgumentParser
import Foundation
import JournalModel
import JournalReports
import JournalSync

struct Note: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Add to your daily note.",
        discussion: """
            With text, appends a timestamped bullet to today's note (under Today, or the section you pick). \
            Without text, opens today's note in $VISUAL or $EDITOR, creating it from the template. \
            --undo removes your last bullet of the day (a new commit: history keeps it).
            """)

    @OptionGroup var options: JournalOptions
    @Argument(help: "The text of the bullet.") var text: [String] = []
    @Flag(help: "Add under Yesterday.") var yesterday = false
    @Flag(help: "Add under Blockers.") var blocker = false
    @Option(parsing: .unconditional, help: "Another day's note: yesterday, monday, 2026-11-24, 3d.") var date: String?
    @OptionGroup var attach: AttachOption
    @Flag(help: "Remove your last bullet of the day (of --date's day if given), as a new commit.") var undo = false

    func validate() throws {
        if yesterday && blocker { throw ValidationError("choose one of --yesterday and --blocker") }
        if undo && (!text.isEmpty || yesterday || blocker || !attach.files.isEmpty) {
            throw ValidationError("--undo takes no text, section or attachment: it removes your last bullet")
        }
    }

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            let me = try journal.requireMe()
            let now = try options.now()
            let day = try options.day(date, direction: .past, journal: journal)
            if undo {
                let (path, bullet) = try journal.undoLastBullet(day: day)
                let removed = [bullet.time, bullet.text].compactMap { $0 }.joined(separator: " ")
                Output.line("Removed from \(path): \(TerminalText.clean(removed, keepNewlines: false))")
                return
            }
            let joined = text.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
            let files = try attach.checked()
            if joined.isEmpty && files.isEmpty {
                try editNote(journal: journal, me: me, day: day, now: now)
                return
            }
            let section: NoteSection = yesterday ? .yesterday : (blocker ? .blockers : .today)
            let path = try journal.addNote(joined, section: section, day: day, at: now, attachments: files)
            Output.line("Noted in \(path)")
            MentionCheck.warnUnknown(in: joined, journal: journal, today: now.localDay)
        }
    }

    private func editNote(journal: Journal, me: Handle, day: LocalDay, now: Timestamp) throws {
        _ = try Editor.command()
        let offset = Timestamp.offsetString(seconds: now.offsetSeconds)
        let (text, isNew) = try journal.noteText(for: me, day: day, offset: offset)
        let path = journal.notePath(for: me, day: day)
        let absolute = try journal.writeDraft(path, text: text)
        do {
            try Editor.edit(absolute)
        } catch {
            if isNew { try journal.discardDraft(path) }
            throw error
        }
        if try journal.commitEditedNote(author: me, day: day, original: text) {
            Output.line("Saved \(path)")
        } else {
            if isNew { try journal.discardDraft(path) }
            Output.line("No changes.")
        }
    }
}
