import Foundation
import JournalModel
import JournalSync

extension Journal {
    /// Handles the work tree knows: note folders, task owners, askers and those asked.
    public func knownHandles(tasks: [TaskDocument]) -> Set<String> {
        knownHandles(taskHandles: Self.handles(of: tasks))
    }

    /// The owners, askers and those asked of `tasks`.
    static func handles(of tasks: [TaskDocument]) -> Set<String> {
        var handles: Set<String> = []
        for task in tasks { task.insertHandles(into: &handles) }
        return handles
    }

    /// `knownHandles`, given the tasks' handles (`readableTaskHandles`).
    public func knownHandles(taskHandles: Set<String>) -> Set<String> {
        var handles = taskHandles.union(noteAuthors())
        if let me { handles.insert(me.value) }
        handles.remove("")
        return handles
    }

    /// The changes recorded in the history (one walk), oldest first.
    public func history(_ query: JournalHistory.Query, tasks: [TaskDocument]) throws -> [HistoryEvent] {
        try history(query, tasksAfterWalk: { tasks })
    }

    /// `history`, given the handles the current tasks name (`readableTaskHandles`) instead of the tasks.
    public func history(_ query: JournalHistory.Query, taskHandles: Set<String>) throws -> [HistoryEvent] {
        try history(query, taskHandlesAfterWalk: { taskHandles })
    }

    /// `history`, asking for the current tasks (to recognise authors) only after the walk, so they
    /// can be loaded on another core while it runs.
    public func history(_ query: JournalHistory.Query, tasksAfterWalk: @escaping () -> [TaskDocument]) throws
        -> [HistoryEvent]
    {
        try history(query, taskHandlesAfterWalk: { Self.handles(of: tasksAfterWalk()) })
    }

    /// `history`, asking for the handles the current tasks name only after the walk.
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
