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
    /// The log line written with this change (`started`, `blocked: waiting on keys`), folded into it.
    public var logText: String?
    /// The other changes the same commit made to the file, folded into this one: a new task's first
    /// values (`.field(name, nil, value)`), or the fields and description changed with a status change.
    public var details: [Change] = []
    /// For a field both clones changed differently, the collision a sync merge settled.
    public var settled: Settlement?

    /// A field collision settled by a sync merge: both values, who set each, and which was kept.
    public struct Settlement: Sendable, Equatable {
        public var kept: String?
        public var keptBy: String
        public var other: String?
        public var otherBy: String

        public init(kept: String?, keptBy: String, other: String?, otherBy: String) {
            self.kept = kept
            self.keptBy = keptBy
            self.other = other
            self.otherBy = otherBy
        }
    }

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

    /// The change as one line of words: `status: todo → doing`, `started (status: todo → doing)`,
    /// `created "Backfill" (status todo, owner priya)`,
    /// `status: doing (priya) vs blocked (tom): blocked kept`.
    public var summary: String {
        if let settled, case .field(let name, _, _) = change {
            let other = settled.other ?? "removed"
            let kept = settled.kept ?? "removed"
            return "\(name): \(other) (\(settled.otherBy)) vs \(kept) (\(settled.keptBy)): \(kept) kept"
        }
        switch change {
        case .created(let title):
            let values = details.compactMap { detail -> String? in
                guard case .field(let name, _, let value?) = detail else { return nil }
                return "\(name) \(value)"
            }
            return "created \"\(title)\"" + (values.isEmpty ? "" : " (\(values.joined(separator: ", ")))")
        case .field, .description:
            let changes = ([change] + details).map(Self.words).joined(separator: ", ")
            return logText.map { "\($0) (\(changes))" } ?? changes
        case .noteBullet(let section, let text):
            return "note \(noteDay?.description ?? "") \(section): \(text)"
        case .deleted, .log:
            return Self.words(change)
        }
    }

    /// One change in words, e.g. `status: todo → doing`.
    static func words(_ change: Change) -> String {
        switch change {
        case .created(let title): return "created \"\(title)\""
        case .deleted: return "deleted"
        case .field(let name, let old, let new): return "\(name): \(old ?? "–") → \(new ?? "–")"
        case .description: return "description edited"
        case .log(let text): return "log: \(text)"
        case .noteBullet(let section, let text): return "note \(section): \(text)"
        }
    }
}
