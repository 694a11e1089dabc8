import Foundation
import JournalModel
import JournalSync

extension Journal {
    /// The owners, askers and those asked of `tasks`.
    static func handles(of tasks: [TaskDocument]) -> Set<String> {
        var handles: Set<String> = []
        for task in tasks { task.insertHandles(into: &handles) }
        return handles
    }

    /// Handles the work tree knows: note folders, and the tasks' owners, askers and those asked
    /// (`taskHandles`, from `readableTaskHandles`).
    public func knownHandles(taskHandles: Set<String>) -> Set<String> {
        var handles = taskHandles.union(noteAuthors())
        if let me { handles.insert(me.value) }
        handles.remove("")
        return handles
    }

    /// The changes recorded in the history (one walk), oldest first.
    public func history(_ query: JournalHistory.Query, tasks: [TaskDocument]) throws -> [HistoryEvent] {
        try history(query, taskHandles: Self.handles(of: tasks))
    }

    /// `history`, given the handles the current tasks name (`readableTaskHandles`) instead of the tasks.
    public func history(_ query: JournalHistory.Query, taskHandles: Set<String>) throws -> [HistoryEvent] {
        try history(query, taskHandlesAfterWalk: { taskHandles })
    }

    /// `history`, asking for the handles the current tasks name (to recognise authors) only after the
    /// walk, so the tasks can be loaded on another core while it runs.
    public func history(_ query: JournalHistory.Query, taskHandlesAfterWalk: @escaping () -> Set<String>) throws
        -> [HistoryEvent]
    {
        do {
            return try JournalHistory(
                journal: self, knownHandlesAfterWalk: { self.knownHandles(taskHandles: taskHandlesAfterWalk()) }
            )
            .events(query)
        } catch {
            throw JournalError(error) ?? error
        }
    }

    /// Every note whose day lies in `days`, by author, from the work tree; unreadable ones go to `unreadable`.
    public func notes(in days: ClosedRange<LocalDay>, unreadable: ((UnreadableFile) -> Void)? = nil)
        -> [(author: String, day: LocalDay, note: DailyNote)]
    {
        var result: [(String, LocalDay, DailyNote)] = []
        var day = days.lowerBound
        while day <= days.upperBound {
            for entry in notes(on: day, unreadable: unreadable) { result.append((entry.author, day, entry.note)) }
            day = day.adding(days: 1)
        }
        return result
    }
}
