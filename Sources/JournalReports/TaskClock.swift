import Foundation
import JournalModel

/// Time rules for tasks and asks: overdue, soon due.
public enum TaskClock {
    /// An open task past its due day (in the reader's zone), or an open ask past its respond-by time.
    public static func isOverdue(_ task: TaskDocument, now: Date, zone: TimeZone = .current) -> Bool {
        guard task.status.isOpen else { return false }
        if task.kind == .ask, let respondBy = task.respondBy, respondBy.date < now { return true }
        if let due = task.due, due < LocalDay(date: now, in: zone) { return true }
        return false
    }

    /// An open task due within `days` days (or already overdue).
    public static func isDueSoon(_ task: TaskDocument, now: Date, days: Int = 2, zone: TimeZone = .current) -> Bool {
        guard task.status.isOpen, let due = task.due else { return false }
        return due <= LocalDay(date: now, in: zone).adding(days: days)
    }
}
