import Foundation

/// Every error the journal model reports: bad user input, unreadable files, broken templates.
public enum ModelError: Error, LocalizedError, Equatable, Sendable {
    /// A handle that is not `[a-z0-9][a-z0-9_-]{0,31}`; the payload is the rejected text.
    case badHandle(String)
    /// A task id or id prefix with characters that ids never contain.
    case badID(String)
    /// No task id starts with this prefix.
    case unknownID(String)
    /// More than one task id starts with this prefix.
    case ambiguousID(prefix: String, candidates: [String])
    /// A day expression that cannot be read.
    case badDate(String)
    /// A duration expression that cannot be read.
    case badDuration(String)
    /// `baton.yml` cannot be read; the payload says why.
    case badConfig(String)
    /// The front matter of a file cannot be read or lacks required fields.
    case badFrontMatter(path: String, detail: String)
    /// A task file whose front-matter `id` is not its file name (a copy, or a file claiming another
    /// task's id); baton never writes through it.
    case idMismatch(path: String, id: String)
    /// A task or note file larger than `ModelError.maxFileBytes`: parsing it could cost a multiple of it.
    case fileTooLarge(path: String, bytes: Int)
    /// A template cannot be parsed or rendered into a valid file.
    case badTemplate(String, String)
    /// A task status that is not one of the five known ones.
    case badStatus(String)
    /// A weekday name that cannot be read.
    case badWeekday(String)

    public var errorDescription: String? {
        switch self {
        case .badHandle(let raw):
            let lower = raw.lowercased()
            if lower != raw, (try? Handle(lower)) != nil {
                return "handle \"\(raw)\" has upper-case letters; handles are lower case, use \"\(lower)\""
            }
            return "handle \"\(TextSafety.singleLine(raw))\" is not valid; use 1 to 32 lower-case letters, digits, "
                + "'-' or '_', starting with a letter or digit (for example \"priya\")"
        case .badID(let raw):
            return "\"\(TextSafety.singleLine(raw))\" is not a task id; ids are lower-case letters and digits "
                + "such as \"k7q2xm\" (any unique prefix works)"
        case .unknownID(let prefix):
            return "no task id starts with \"\(prefix)\"; run `baton task list` to see the ids"
        case .ambiguousID(let prefix, let candidates):
            let shown = candidates.prefix(8).joined(separator: ", ")
            let more = candidates.count > 8 ? ", ..." : ""
            return "\"\(prefix)\" matches \(candidates.count) tasks (\(shown)\(more)); type more characters of the id"
        case .badDate(let raw):
            return "cannot read the day \"\(TextSafety.singleLine(raw))\"; use today, yesterday, tomorrow, "
                + "a weekday (monday or mon), a date YYYY-MM-DD, or an offset such as 3d, 2w, +3d, -1w"
        case .badDuration(let raw):
            return "cannot read the duration \"\(TextSafety.singleLine(raw))\"; use a number with a unit: "
                + "90m, 24h, 2d or 1w (units can be combined, as in 1d12h)"
        case .badConfig(let detail):
            return "\(JournalLayout.configFile) cannot be read: \(detail); fix the file "
                + "(see docs/FORMAT.md for the keys and their defaults)"
        case .badFrontMatter(let path, let detail):
            return "\(path): the front matter cannot be read (\(detail)); fix the YAML between the --- lines, "
                + "or run `git checkout -- \(path)` to undo a hand edit"
        case .idMismatch(let path, let id):
            let named = String(path.split(separator: "/").last ?? "").replacingOccurrences(of: ".md", with: "")
            return "\(path) says id: \(id), which belongs to \(JournalLayout.taskPath(id: id)), not to this file; "
                + "baton takes a task's id from its file name and leaves this file alone: "
                + "set id: \(named) in it, or rename it"
        case .fileTooLarge(let path, let bytes):
            let limit = ModelError.maxFileBytes / 1_048_576
            return "\(path) is \(bytes / 1_048_576) MiB, more than a journal file may hold (\(limit) MiB); "
                + "baton leaves it alone: shorten it or move it out of the journal"
        case .badTemplate(let name, let detail):
            return "template \(name) cannot be used: \(detail); fix templates/\(name) in the journal "
                + "or delete it to use the built-in one"
        case .badStatus(let raw):
            let all = TaskStatus.allCases.map(\.rawValue).joined(separator: ", ")
            return "\"\(TextSafety.singleLine(raw))\" is not a task status; use one of \(all)"
        case .badWeekday(let raw):
            return "\"\(TextSafety.singleLine(raw))\" is not a weekday; use mon, tue, wed, thu, fri, sat or sun"
        }
    }
}

extension ModelError {
    /// The largest task or note file baton parses (a year of busy log lines is well under 1 MiB).
    public static let maxFileBytes = 8 * 1_048_576

    /// Throws `fileTooLarge` when `text` is larger than `maxFileBytes`.
    static func checkSize(_ text: String, path: String) throws {
        let bytes = text.utf8.count
        if bytes > maxFileBytes { throw ModelError.fileTooLarge(path: path, bytes: bytes) }
    }
}
