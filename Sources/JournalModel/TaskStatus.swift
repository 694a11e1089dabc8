/// Where a task stands.
public enum TaskStatus: String, CaseIterable, Sendable {
    case todo, doing, blocked, done, dropped

    /// True while someone still has to act on it (todo, doing, blocked).
    public var isOpen: Bool {
        switch self {
        case .todo, .doing, .blocked: true
        case .done, .dropped: false
        }
    }

    /// Parses a status name (case-insensitive), throwing `ModelError.badStatus`.
    public static func parse(_ text: String) throws -> TaskStatus {
        guard let status = TaskStatus(rawValue: text.trimmingWhitespace().lowercased()) else {
            throw ModelError.badStatus(text)
        }
        return status
    }
}

/// Whether a file in `tasks/` is a plain task or an ask to a teammate.
public enum TaskKind: String, CaseIterable, Sendable {
    case task, ask
}
