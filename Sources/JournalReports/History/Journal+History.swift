import Foundation
import JournalModel
import JournalSync

extension Journal {
    /// Handles the work tree knows: note folders, task owners, askers and those asked.
    public func knownHandles(tasks: [TaskDocument]) -> Set<String> {
        var handles = Set(noteAuthors())
        for task in tasks {
            handles.insert(task.owner)
            if let from = task.from { handles.insert(from) }
            if let to = task.to { handles.insert(to) }
        }
        if let me { handles.insert(me.value) }
        handles.remove("")
        return handles
    }

    /// The changes recorded in the history (one walk), oldest first.
    public func history(_ query: JournalHistory.Query, tasks: [TaskDocument]) throws -> [HistoryEvent] {
        try history(query, tasksAfterWalk: { tasks })
    }

    /// `history`, asking for the current tasks (to recognise authors) only after the walk, so they
    /// can be loaded on another core while it runs.
    public func history(_ query: JournalHistory.Query, tasksAfterWalk: @escaping () -> [TaskDocument]) throws
        -> [HistoryEvent]
    {
        do {
            return try JournalHistory(
                journal: self, knownHandlesAfterWalk: { self.knownHandles(tasks: tasksAfterWalk()) }
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
