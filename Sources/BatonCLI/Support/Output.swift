import Foundation
import JournalReports
import JournalSync

/// Writes command output to stdout, and notes and warnings to stderr.
enum Output {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// One line on stderr; it may quote teammates' text (file names, messages), so it is made terminal-safe.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.clean(text, keepNewlines: false) + "\n").utf8))
    }

    /// Tells of a file (or an old version of one) that a view skipped because it cannot be read.
    static let skipped: @Sendable (String) -> Void = { note("baton: \($0)") }

    /// The files (and old versions) this process could not read, for JSON's `unreadable`.
    static var unreadable: [UnreadableFile] {
        JournalWarnings.shared.unreadableFiles + JournalWarnings.shared.unreadableVersions
    }

    /// A line of teammates' text (file names, summaries, messages), made terminal-safe.
    static func plain(_ text: String) {
        line(TerminalText.clean(text, keepNewlines: false))
    }

    static var style: TextStyle { TextStyle(color: Runtime.color) }
}
