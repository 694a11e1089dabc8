import Foundation
import JournalModel

extension Journal {
    /// The note file of `author` for `day`, relative to the journal root.
    public func notePath(for author: Handle, day: LocalDay) -> String {
        JournalLayout.notePath(handle: author, day: day)
    }

    /// The current text of a note, or the text the daily template gives a new one.
    public func noteText(for author: Handle, day: LocalDay, offset: String) throws -> (text: String, isNew: Bool) {
        if let existing = try read(notePath(for: author, day: day)) { return (existing, false) }
        return (try templates.dailyNote(author: author, day: day, offset: offset), true)
    }

    /// Appends a timestamped bullet to `section` of my note for `day` and commits it.
    @discardableResult
    /// `attachments` are paths of files to copy into `attachments/` and link from the bullet.
    public func addNote(
        _ text: String, section: NoteSection, day: LocalDay, at now: Timestamp, attachments: [String] = []
    ) throws -> String {
        let me = try requireMe()
        let path = notePath(for: me, day: day)
        // Read and save under one lock, so a concurrent sync cannot change the note in between.
        return try withLockTaken {
            let current = try noteText(for: me, day: day, offset: Timestamp.offsetString(seconds: now.offsetSeconds))
                .text
            let style = try rewriteStyle(of: path)
            var note = try DailyNote.parse(current, path: path)
            let prepared = try prepareAttachments(attachments, for: me, day: now.localDay)
            note.append(Journal.text(text, linking: prepared, from: path), to: section, at: now)
            let message = CommitMessage.noteAdded(
                author: me.value, day: day, section: section, writtenOn: day == now.localDay ? nil : now.localDay)
            try save([path: style.apply(note.render())], attachments: prepared, message: message)
            return path
        }
    }

    /// Commits a note the user edited by hand (through `$EDITOR`); false when nothing changed.
    public func commitEditedNote(author: Handle, day: LocalDay, original: String?) throws -> Bool {
        let path = notePath(for: author, day: day)
        guard let edited = try read(path) else { return false }
        if let original, edited == original { return false }
        _ = try DailyNote.parse(edited, path: path)
        try save([path: edited], message: .noteEdited(author: author.value, day: day))
        return true
    }

    /// Writes a file without committing (e.g. a new note before the editor opens it).
    public func writeDraft(_ relative: String, text: String) throws -> String {
        try files.write(Data(text.utf8), to: relative)
        return try absolutePath(relative)
    }

    /// Removes an uncommitted draft (e.g. a new note the user left as the template gave it).
    public func discardDraft(_ relative: String) throws {
        try? files.remove(relative)
    }

    /// Handles that have a notes folder, sorted. A link (`notes` itself, or a person's folder) is skipped
    /// with a warning, never followed.
    public func noteAuthors() -> [String] {
        let entries: [JournalFiles.Entry]
        do {
            entries = try files.entries(JournalLayout.notesFolder)
        } catch {
            JournalWarnings.shared.skipped(JournalLayout.notesFolder, error: error)
            return []
        }
        var authors: [String] = []
        for entry in entries where Handle.isValid(entry.name) {
            switch entry.kind {
            case .folder: authors.append(entry.name)
            case .symbolicLink:
                JournalWarnings.shared.skipped(JournalLayout.notesFolder + "/" + entry.name, JournalWarnings.linkReason)
            case .file, .other: continue
            }
        }
        return authors.sorted()
    }

    /// Every note of `day`, by author, read from the work tree; notes that cannot be read are told to `unreadable`.
    public func notes(on day: LocalDay, unreadable: ((UnreadableFile) -> Void)? = nil)
        -> [(author: String, path: String, note: DailyNote)]
    {
        var result: [(String, String, DailyNote)] = []
        for author in noteAuthors() {
            guard let handle = try? Handle(author) else { continue }
            let path = notePath(for: handle, day: day)
            guard let text = readSkippingBad(path) else { continue }
            do {
                result.append((author, path, try DailyNote.parse(text, path: path)))
            } catch {
                let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
                unreadable?(UnreadableFile(path: path, message: message))
            }
        }
        return result
    }
}
