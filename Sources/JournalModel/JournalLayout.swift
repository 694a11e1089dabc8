/// Where things live in a journal, and what a relative path is.
public enum JournalLayout {
    public static let configFile = "baton.yml"
    public static let notesFolder = "notes"
    public static let tasksFolder = "tasks"
    public static let templatesFolder = "templates"
    public static let attachmentsFolder = "attachments"

    /// `notes/priya/2026/2026-11-24.md`.
    public static func notePath(handle: Handle, day: LocalDay) -> String {
        "\(notesFolder)/\(handle.value)/\(pad(day.year, 4))/\(day).md"
    }

    /// `tasks/k7q2xm.md`.
    public static func taskPath(id: String) -> String {
        "\(tasksFolder)/\(id).md"
    }

    /// `templates/daily.md`.
    public static func templatePath(name: String) -> String {
        "\(templatesFolder)/\(name).md"
    }

    /// What a path relative to the journal root is; anything not in the standard layout is `.other`.
    public static func classify(path: String) -> JournalPath {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts == [configFile] { return .config }
        switch parts.first {
        case notesFolder:
            guard parts.count == 4, Handle.isValid(parts[1]), parts[3].hasSuffix(".md"),
                let day = LocalDay(string: String(parts[3].dropLast(3))), parts[2] == pad(day.year, 4)
            else { return .other }
            return .note(handle: parts[1], day: day)
        case tasksFolder:
            guard parts.count == 2, parts[1].hasSuffix(".md") else { return .other }
            let id = String(parts[1].dropLast(3))
            return TaskID.isValid(id) ? .task(id: id) : .other
        case templatesFolder:
            guard parts.count == 2, !parts[1].isEmpty, !parts[1].hasPrefix(".") else { return .other }
            return .template(parts[1])
        default:
            return .other
        }
    }
}

/// The kind of a journal file, from its relative path.
public enum JournalPath: Hashable, Sendable {
    case config
    case note(handle: String, day: LocalDay)
    case task(id: String)
    /// A file directly in `templates/`; the payload is its file name (`daily.md`).
    case template(String)
    case other
}
