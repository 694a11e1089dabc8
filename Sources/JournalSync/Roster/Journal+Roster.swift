import Foundation
import GitKit
import JournalModel

extension Journal {
    /// The roster readers share (`Roster.effective`): `baton.yml`'s members, else who wrote in the last
    /// 30 days up to `today`. `tasks` are the journal's tasks when the caller has them loaded already; only
    /// their logs count, so tasks left out because their logs were not read change nothing.
    public func roster(today: LocalDay, tasks: [TaskDocument]? = nil) -> Roster {
        roster(today: today, tasks: tasks, quiet: false)
    }

    /// `roster(today:)` without warnings about files it cannot read: for shell completion, which must
    /// print nothing but its candidates.
    public func quietRoster(today: LocalDay) -> Roster {
        roster(today: today, tasks: nil, quiet: true)
    }

    /// Refuses to assign to or ask `handle` when it is not on the roster (see `Roster.check`), unless `force`.
    /// Files it cannot read are passed over without a warning: the command's own work reports them.
    public func checkMember(_ handle: Handle, today: LocalDay, force: Bool) throws {
        guard !force, handle != me else { return }
        try roster(today: today, tasks: nil, quiet: true).check(handle.value)
    }

    private func roster(today: LocalDay, tasks: [TaskDocument]?, quiet: Bool) -> Roster {
        if let members = config.members, !members.isEmpty { return Roster(members: members, isConfigured: true) }
        let files = files
        let authors = quiet ? quietNoteAuthors() : noteAuthors()
        return Roster.effective(
            config: config, today: today, noteAuthors: authors,
            hasNote: { author, day in
                guard let handle = try? Handle(author) else { return false }
                return (try? files.kind(of: JournalLayout.notePath(handle: handle, day: day))) != nil
            }, tasks: tasks ?? (quiet ? quietTasks() : loadTasks().tasks))
    }

    /// `noteAuthors` without warnings.
    private func quietNoteAuthors() -> [String] {
        guard let entries = try? files.entries(JournalLayout.notesFolder) else { return [] }
        return entries.filter { $0.kind == .folder && Handle.isValid($0.name) }.map(\.name).sorted()
    }

    /// The tasks that read, without warnings about the others.
    private func quietTasks() -> [TaskDocument] {
        guard let entries = try? files.entries(JournalLayout.tasksFolder) else { return [] }
        let ids = entries.filter { $0.kind == .file && $0.name.hasSuffix(".md") }.map { String($0.name.dropLast(3)) }
            .filter(TaskID.isValid)
        let files = files
        return Parallel.map(ids) { id -> TaskDocument? in
            guard let text = try? files.text(JournalLayout.taskPath(id: id)) else { return nil }
            return try? Journal.parseTask(text, id: id)
        }.compactMap { $0 }
    }
}
