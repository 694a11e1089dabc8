import JournalModel

/// Bridges a task's unreadable versions (a hand edit that broke the front matter) in one history walk,
/// newest first: the first version that reads again is compared with the last one that read before, so
/// the story still tells what the fix changed.
struct UnreadableBridge {
    /// A readable version whose previous version could not be read, by path: where its placeholder is.
    private var waiting: [String: (commit: Int, file: Int, new: TaskDocument)] = [:]

    /// `new` (file `file` of the walk's commit `commit`) follows a version that cannot be read.
    mutating func wait(path: String, commit: Int, file: Int, new: TaskDocument) {
        waiting[path] = (commit, file, new)
    }

    /// `old` reads and was followed by a version that does not: the placeholder waiting for it and what
    /// changed from `old` to the version that waits.
    mutating func settle(path: String, old: TaskDocument)
        -> (commit: Int, file: Int, changes: [HistoryEvent.Change], logs: [LogEntry])?
    {
        guard let entry = waiting.removeValue(forKey: path) else { return nil }
        return (
            entry.commit, entry.file, TaskChanges.between(old, entry.new),
            TaskChanges.newLogEntries(old.log, entry.new.log)
        )
    }
}
