import Foundation
import JournalModel
import JournalSync

extension DigestWriter {
    /// The "could not read" section, right under the header (nothing when every file was read).
    mutating func couldNotRead(_ files: [UnreadableFile]) {
        let lines = UnreadableList.lines(files, markdown: markdown, style: style)
        guard !lines.isEmpty else { return }
        line("")
        for text in lines { line(text) }
    }

    /// "No note on a working day", under "Needs attention".
    mutating func missingNotes(_ missing: [MissingNote]) {
        subheading("No note on a working day (\(missing.count))")
        if missing.isEmpty { item("every member posted on each working day") }
        for note in missing { item(TerminalText.clean(note.sentence, keepNewlines: false)) }
    }
}

/// The HTML card of members with no note on a working day.
enum MissingNotesHTML {
    static func card(_ missing: [MissingNote], _ p: HTMLParts) -> String {
        let items = missing.map {
            "\(p.person($0.handle)): no note on \(p.e($0.day.weekday.shortName.capitalized)) \(p.e($0.day.description))"
        }
        return "<section class=\"card\(missing.isEmpty ? "" : " alert") missing-notes\"><h2>No note on a working day"
            + "<span class=\"count\">\(missing.count)</span></h2>"
            + p.list(items, empty: "Every member posted on each working day.") + "</section>"
    }
}
