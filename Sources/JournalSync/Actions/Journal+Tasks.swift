import Foundation
import GitKit
import JournalModel

/// A task file that could not be read, reported beside the ones that could.
public struct UnreadableFile: Sendable, Equatable {
    public var path: String
    public var message: String

    /// A `message` that starts with the path (a parse error names its file) drops it: every list
    /// names the path beside the reason already.
    public init(path: String, message: String) {
        self.path = path
        self.message = message.hasPrefix(path + ": ") ? String(message.dropFirst(path.count + 2)) : message
    }
}

extension Journal {
    /// Ids of every task and ask file in the work tree. Links (the `tasks` folder itself, or a file in
    /// it) are skipped with a warning, never followed.
    public func taskIDs() -> [String] {
        do {
            return try existingTaskIDs()
        } catch {
            JournalWarnings.shared.skipped(JournalLayout.tasksFolder, error: error)
            return []
        }
    }

    /// `taskIDs` for a command about to write a task: throws when the `tasks` folder is a link.
    func existingTaskIDs() throws -> [String] {
        var ids: [String] = []
        for entry in try files.entries(JournalLayout.tasksFolder)
        where entry.name.hasSuffix(".md") && !entry.name.hasPrefix(".") {
            switch entry.kind {
            case .file:
                let id = String(entry.name.dropLast(3))
                if TaskID.isValid(id) { ids.append(id) }
            case .symbolicLink:
                JournalWarnings.shared.skipped(JournalLayout.tasksFolder + "/" + entry.name, JournalWarnings.linkReason)
            case .folder, .other: continue
            }
        }
        return ids.sorted()
    }

    /// Every readable task and ask, and the files that could not be read (parsed on every core).
    public func loadTasks() -> (tasks: [TaskDocument], unreadable: [UnreadableFile]) {
        loadTasks(readBody: { _ in true })
    }

    /// Every readable task and ask; each file that could not be read is told on stderr and kept in
    /// `JournalWarnings.shared.unreadableFiles` for the view's "could not read" list.
    public func readableTasks() -> [TaskDocument] {
        let (tasks, unreadable) = loadTasks()
        for file in unreadable { JournalWarnings.shared.unreadable(file) }
        return tasks
    }

    /// The owner, asker and person asked of every readable task and ask, read from the front matter
    /// alone and kept as handles only (100,000 parsed tasks would be 26 MB); each file that could not be
    /// read is told as `readableTasks` tells it.
    public func readableTaskHandles() -> Set<String> {
        var handles: Set<String> = []
        for file in forEachReadableTask(readBody: { _ in false }, each: { $0.insertHandles(into: &handles) }) {
            JournalWarnings.shared.unreadable(file)
        }
        return handles
    }

    /// Parses every task and ask file on every core and hands each readable one to `each`, in id order,
    /// without keeping them (`readBody` as for `loadTasks`); returns the files that could not be read.
    public func forEachReadableTask(readBody: @escaping (TaskDocument) -> Bool, each: (TaskDocument) -> Void)
        -> [UnreadableFile]
    {
        loadTasks(taskIDs(), readBody: readBody, each: each)
    }

    /// `loadTasks`, reading descriptions and logs only of the tasks `readBody` picks by their front
    /// matter (see `TaskDocument.parse(_:path:readBody:)`): for read-only reports.
    public func loadTasks(readBody: @escaping (TaskDocument) -> Bool) -> (
        tasks: [TaskDocument], unreadable: [UnreadableFile]
    ) {
        let ids = taskIDs()
        var tasks: [TaskDocument] = []
        tasks.reserveCapacity(ids.count)
        let unreadable = loadTasks(ids, readBody: readBody) { tasks.append($0) }
        return (tasks, unreadable)
    }

    /// `forEachReadableTask` over the task and ask files `ids`.
    func loadTasks(_ ids: [String], readBody: @escaping (TaskDocument) -> Bool, each: (TaskDocument) -> Void)
        -> [UnreadableFile]
    {
        let files = files
        // Each file is opened inside the open tasks folder (never through a link): no path to resolve
        // from the root for each of thousands of files.
        let folder = try? files.openFolder(JournalLayout.tasksFolder)
        defer { if let folder { close(folder) } }
        var unreadable: [UnreadableFile] = []
        Parallel.forEachResult(ids) { id in
            (
                id,
                Result {
                    let path = JournalLayout.taskPath(id: id)
                    let text =
                        try folder.map { folder in
                            try files.text(in: folder, folder: JournalLayout.tasksFolder, name: id + ".md")
                        } ?? files.text(path)
                    guard let text else { throw ModelError.unknownID(id) }
                    return try Journal.parseTask(text, id: id, readBody: readBody)
                }
            )
        } consume: { id, result in
            switch result {
            case .success(let task): each(task)
            case .failure(let error):
                unreadable.append(UnreadableFile(path: JournalLayout.taskPath(id: id), message: Self.skipReason(error)))
            }
        }
        return unreadable
    }

    /// Why a file was skipped, without repeating its path when the error names it.
    static func skipReason(_ error: Error) -> String {
        switch error {
        case JournalError.symbolicLink: return JournalWarnings.linkReason
        case JournalError.badEntry(_, let problem): return problem
        default: return (error as? LocalizedError)?.errorDescription ?? "\(error)"
        }
    }

    /// The task whose id is `id` exactly.
    public func loadTask(id: String) throws -> TaskDocument {
        let path = JournalLayout.taskPath(id: id)
        guard let text = try read(path) else { throw ModelError.unknownID(id) }
        return try Journal.parseTask(text, id: id)
    }

    /// The task in the file of `id` (`tasks/<id>.md`): the file name is the task's identity, so a file
    /// whose front matter names another id is refused (`ModelError.idMismatch`), never written through.
    static func parseTask(_ text: String, id: String, readBody: (TaskDocument) -> Bool = { _ in true }) throws
        -> TaskDocument
    {
        let task = try TaskDocument.parse(text, path: JournalLayout.taskPath(id: id), readBody: readBody)
        guard task.id == id else { throw ModelError.idMismatch(path: JournalLayout.taskPath(id: id), id: task.id) }
        return task
    }

    /// The task whose id starts with `prefix` (exact ids win), or an error naming the candidates.
    public func resolveTask(_ prefix: String) throws -> TaskDocument {
        guard TaskID.isValid(prefix) else { throw ModelError.badID(prefix) }
        // An exact id needs no listing of the folder (thousands of files in a large journal).
        if let text = try read(JournalLayout.taskPath(id: prefix)) { return try Journal.parseTask(text, id: prefix) }
        return try loadTask(id: try TaskID.resolve(prefix: prefix, among: taskIDs()))
    }

    /// Creates a task owned by `owner` (default: me) and commits it; returns it.
    public func addTask(
        title: String, owner: Handle?, due: LocalDay?, tags: [String], description: String = "", at now: Timestamp,
        attachments: [String] = []
    ) throws -> TaskDocument {
        let me = try requireMe()
        let owner = owner ?? me
        return try withLockTaken {
            try addTaskLocked(
                title: title, owner: owner, me: me, due: due, tags: tags, description: description, at: now,
                attachments: attachments)
        }
    }

    private func addTaskLocked(
        title: String, owner: Handle, me: Handle, due: LocalDay?, tags: [String], description: String,
        at now: Timestamp,
        attachments: [String]
    ) throws -> TaskDocument {
        let id = TaskID.generate(avoiding: Set(try existingTaskIDs()))
        let prepared = try prepareAttachments(attachments, for: me, day: now.localDay)
        let description = Journal.text(description, linking: prepared, from: JournalLayout.taskPath(id: id))
        let text = try templates.task(
            id: id, title: TextSafety.singleLine(title), owner: owner, author: me, created: now, due: due, tags: tags,
            description: description)
        // A template that writes its own id must not overwrite another task.
        let task = try Journal.parseTask(text, id: id)
        try save(
            [task.path: task.render()], attachments: prepared,
            message: .taskCreated(id: id, title: task.title, owner: owner.value))
        return task
    }

    /// Applies `change` to a task, appends the log line of the change it returns, and commits with
    /// `task <id>: <me> <log line>`.
    @discardableResult
    public func changeTask(
        _ prefix: String, at now: Timestamp, attachments: [PreparedAttachment] = [],
        _ change: (inout TaskDocument, Handle) throws -> TaskChange
    ) throws -> TaskDocument {
        let me = try requireMe()
        // Read and save under one lock, so a concurrent sync cannot change the task in between.
        return try withLockTaken {
            var task = try resolveTask(prefix)
            let style = try rewriteStyle(of: task.path)
            let made = try change(&task, me)
            task.record(made.logLine, by: me.value, at: now)
            try save(
                [task.path: style.apply(task.render())], attachments: attachments,
                message: .taskChanged(kind: task.kind, id: task.id, author: me.value, change: made))
            return task
        }
    }

    /// Sets a task's status, with the usual log words (`started`, `done`, `dropped`, `blocked: reason`).
    @discardableResult
    public func setStatus(
        _ prefix: String, to status: TaskStatus, reason: String? = nil, note: String? = nil, at now: Timestamp
    )
        throws -> TaskDocument
    {
        try changeTask(prefix, at: now) { task, _ in
            task.status = status
            task.blockedReason = status == .blocked ? reason.map(TextSafety.singleLine) : nil
            var details: [String] = []
            if let reason, status == .blocked { details.append(reason) }
            if let note, !note.isEmpty { details.append(note) }
            return .status(status, detail: details.isEmpty ? nil : details.joined(separator: ": "))
        }
    }

    /// Hands a task to `owner`, with an optional note for them.
    @discardableResult
    public func assign(_ prefix: String, to owner: Handle, note: String?, at now: Timestamp) throws -> TaskDocument {
        try changeTask(prefix, at: now) { task, _ in
            task.owner = owner.value
            if task.kind == .ask { task.to = owner.value }
            return .assigned(to: owner.value, note: note?.isEmpty == false ? note : nil)
        }
    }

    /// Commits a task file the user edited by hand; checks it still reads, and logs `edited`.
    public func commitEditedTask(id: String, original: String, at now: Timestamp) throws -> Bool {
        let path = JournalLayout.taskPath(id: id)
        guard let edited = try read(path), edited != original else { return false }
        var task: TaskDocument
        do {
            task = try Journal.parseTask(edited, id: id)
        } catch {
            // Put the last good text back so nothing half-valid is left; the edit is kept beside it.
            let rescue = path + ".rejected"
            _ = try writeDraft(rescue, text: edited)
            _ = try writeDraft(path, text: original)
            throw error
        }
        let me = try requireMe()
        task.record(TaskChange.edited.logLine, by: me.value, at: now)
        try save([path: task.render()], message: .taskChanged(kind: .task, id: id, author: me.value, change: .edited))
        return true
    }
}
