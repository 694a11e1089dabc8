import Foundation
import JournalModel

/// One change read from the journal's git history: who, when, which file, and what changed.
public struct HistoryEvent: Sendable, Equatable {
    /// What changed.
    public enum Change: Sendable, Equatable {
        /// A task or ask file appeared.
        case created(title: String)
        /// A task or ask file was removed.
        case deleted
        /// A front matter field changed from `old` to `new` (nil: absent).
        case field(name: String, old: String?, new: String?)
        /// The description (text before `## Log`) changed.
        case description
        /// A new line in the task's log.
        case log(text: String)
        /// A bullet added to a daily note.
        case noteBullet(section: String, text: String)
    }

    /// The commit that made the change (hex).
    public var commit: String
    /// When it happened: the log line's timestamp, or the commit's author time and offset.
    public var at: Timestamp
    /// The handle of the person who made it (or the commit author's name when no handle is known).
    public var author: String
    /// The task id, for task and ask files.
    public var taskID: String?
    /// The note's author and day, for daily notes.
    public var noteDay: LocalDay?
    /// The journal-relative path of the file.
    public var path: String
    public var change: Change

    public init(
        commit: String, at: Timestamp, author: String, taskID: String?, noteDay: LocalDay?, path: String, change: Change
    ) {
        self.commit = commit
        self.at = at
        self.author = author
        self.taskID = taskID
        self.noteDay = noteDay
        self.path = path
        self.change = change
    }

    /// The change as one line of words, e.g. `status: todo → doing`.
    public var summary: String {
        switch change {
        case .created(let title): return "created \"\(title)\""
        case .deleted: return "deleted"
        case .field(let name, let old, let new): return "\(name): \(old ?? "–") → \(new ?? "–")"
        case .description: return "description edited"
        case .log(let text): return "log: \(text)"
        case .noteBullet(let section, let text): return "note \(noteDay?.description ?? "") \(section): \(text)"
        }
    }
}
