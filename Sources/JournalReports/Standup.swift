import Foundation
import JournalModel
import JournalSync

/// The team's notes for one day, person by person.
public struct Standup: Sendable {
    public struct Entry: Sendable {
        public var author: String
        public var note: DailyNote
    }

    public var day: LocalDay
    public var entries: [Entry]
    /// Roster members with no note on this day, a working day of theirs.
    public var missing: [MissingNote] = []
    /// Files that could not be read and are left out.
    public var unreadable: [UnreadableFile] = []
    /// The reader's and authors' zones; nil shows bullet times as written (each author's local time).
    public var clock: ReaderClock?

    public init(day: LocalDay, notes: [(author: String, note: DailyNote)], clock: ReaderClock? = nil) {
        self.day = day
        entries = notes.map { Entry(author: $0.author, note: $0.note) }
        self.clock = clock
    }

    /// A bullet with its time in the reader's zone and the author's own time where it differs.
    func shown(_ bullet: String, author: String, note: DailyNote) -> String {
        let (time, text) = NoteChanges.splitTime(bullet)
        guard let clock, let time else { return bullet }
        let at = clock.authors.bulletTime(time, day: day, author: author, noteOffset: note.utcOffset)
        return clock.bullet(at, raw: time, day: day, author: author) + " " + text
    }

    /// The standup as plain text (terminal) or Markdown.
    public func text(style: TextStyle, markdown: Bool = false) -> String {
        var lines: [String] = [markdown ? "# Standup \(day)" : style.heading("Standup \(day)")]
        if let clock {
            lines.append(
                "Each person's own \(day.shortLabel); times in \(clock.zone.identifier), with the author's own time"
                    + " where it differs.")
        }
        if entries.isEmpty { lines += ["", "No notes for \(day)."] }
        for entry in entries {
            lines.append("")
            let author = TerminalText.clean(entry.author, keepNewlines: false)
            lines.append(markdown ? "## \(author)" : style.heading(author))
            for section in NoteSection.allCases {
                let bullets = entry.note.bullets(in: section)
                guard !bullets.isEmpty else { continue }
                lines.append(markdown ? "### \(section.heading)" : "  \(section.heading)")
                for bullet in bullets {
                    let clean = TerminalText.clean(shown(bullet, author: entry.author, note: entry.note))
                    lines.append(
                        markdown
                            ? "- " + clean.replacingOccurrences(of: "\n", with: "\n  ")
                            : "    - " + clean.replacingOccurrences(of: "\n", with: "\n      "))
                }
            }
        }
        if !missing.isEmpty {
            lines += ["", markdown ? "## No note" : style.heading("No note")]
            lines += missing.map { (markdown ? "- " : "    - ") + TerminalText.clean($0.sentence, keepNewlines: false) }
        }
        let unread = UnreadableList.lines(unreadable, markdown: markdown, style: style)
        if !unread.isEmpty { lines += [""] + unread }
        return lines.joined(separator: "\n")
    }
}
