import Foundation

/// An everyday edit that does not apply to the file as it is; nothing is written.
public enum EditRefusal: Error, Equatable, LocalizedError {
    /// `note --undo` on a note with no bullet (or no note that day).
    case nothingToUndo(path: String)
    /// `task unblock` of a task that is not blocked.
    case notBlocked(id: String, status: String)
    /// `task due` of an ask, whose window is its `respond_by`.
    case askHasNoDue(id: String)

    public var errorDescription: String? {
        switch self {
        case .nothingToUndo(let path):
            return "\(path) has no bullet of yours to remove; nothing was changed"
        case .notBlocked(let id, let status):
            return "\(id) is \(status), not blocked; nothing to unblock (baton task start \(id) works on it)"
        case .askHasNoDue(let id):
            return "\(id) is an ask: it has a response window, not a due date (ask again with --within to change it)"
        }
    }
}
