import Foundation
import JournalModel

extension Journal {
    /// Clears a task's block: it goes back to the status it had before the block (`doing` when it had been
    /// started, else `todo`), logged as `started` or `reopened` (with the note), which ends the blocked span
    /// (docs/FORMAT.md, "Measures"). Refuses a task that is not blocked.
    @discardableResult
    public func unblock(_ prefix: String, note: String?, at now: Timestamp) throws -> TaskDocument {
        try changeTask(prefix, at: now) { task, _ in
            guard task.status == .blocked else {
                throw EditRefusal.notBlocked(id: task.id, status: task.status.rawValue)
            }
            let status = Self.statusBeforeBlock(task.log)
            task.status = status
            task.blockedReason = nil
            let detail = note.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap {
                $0.isEmpty ? nil : $0
            }
            return .status(status, detail: detail)
        }
    }

    /// Sets (or with nil, removes) a task's due day, logged as `due set to <day>` or `due removed`.
    @discardableResult
    public func setDue(_ prefix: String, to due: LocalDay?, at now: Timestamp) throws -> TaskDocument {
        try changeTask(prefix, at: now) { task, _ in
            guard task.kind == .task else { throw EditRefusal.askHasNoDue(id: task.id) }
            task.due = due
            return .logged(due.map { "due set to \($0)" } ?? "due removed")
        }
    }

    /// The status a task had before its last `blocked` line: `doing` when the status line before it is
    /// `started` (earlier blocks skipped), else `todo`.
    static func statusBeforeBlock(_ log: [LogEntry]) -> TaskStatus {
        guard let lastBlock = log.lastIndex(where: { isBlockLine($0.text) }) else { return .todo }
        for entry in log[..<lastBlock].reversed() {
            guard case .status(let status, _) = TaskChange(logLine: entry.text), status != .blocked else { continue }
            return status == .doing ? .doing : .todo
        }
        return .todo
    }

    private static func isBlockLine(_ text: String) -> Bool {
        if case .status(.blocked, _) = TaskChange(logLine: text) { return true }
        return false
    }
}
