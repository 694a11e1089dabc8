import Foundation

/// One line a search found: where it is, whose it is, and when it was written.
public struct SearchHit: Sendable, Equatable {
    /// What kind of file holds the line.
    public enum Kind: String, Sendable, Equatable {
        case note, task, ask
    }

    /// Where in a task file the line is.
    public enum Part: String, Sendable, Equatable {
        case title, description, log, note
    }

    /// The file, relative to the journal root.
    public var path: String
    public var kind: Kind
    public var part: Part
    /// The task's or ask's id and title (nil for a note).
    public var taskID: String?
    public var title: String?
    /// The author's local day the line belongs to: a note's day, a log line's, or the task's creation day.
    public var day: LocalDay
    /// Who wrote it: the note's author, the log line's, or who created the task.
    public var author: String
    /// When it was written, as far as the file tells (a bullet's `HH:MM`, a log line's timestamp).
    public var at: Date
    /// The line's text (a note bullet without its `- `).
    public var line: String
    /// Where the line sits in its file (1-based), to order hits of one file.
    public var lineNumber: Int

    public init(
        path: String, kind: Kind, part: Part, taskID: String? = nil, title: String? = nil, day: LocalDay,
        author: String, at: Date, line: String, lineNumber: Int
    ) {
        self.path = path
        self.kind = kind
        self.part = part
        self.taskID = taskID
        self.title = title
        self.day = day
        self.author = author
        self.at = at
        self.line = line
        self.lineNumber = lineNumber
    }

    /// Newest first; hits of one instant by file, then by line.
    public static func newestFirst(_ a: SearchHit, _ b: SearchHit) -> Bool {
        if a.at != b.at { return a.at > b.at }
        if a.path != b.path { return a.path < b.path }
        return a.lineNumber < b.lineNumber
    }
}
