/// What one baton command did to a task or ask: the log line it appends, which is also the tail of
/// its commit message (`task k7q2xm: tom blocked: waiting on API keys`).
public enum TaskChange: Hashable, Sendable {
    /// A status change: `started`, `done`, `dropped`, `reopened`, `blocked`, each optionally
    /// followed by `: <detail>` (a blocked reason, a note, or both joined by `: `).
    case status(TaskStatus, detail: String?)
    /// `assigned to <owner>`, optionally `: <note>`.
    case assigned(to: String, note: String?)
    /// `replied: <text>`, with ` (done)` when the reply closed it.
    case replied(text: String, done: Bool)
    /// `edited`: the file was edited by hand.
    case edited
    /// Any other log line (a hand-written or older message).
    case logged(String)

    /// The log line, as written in the task file and the commit message.
    public var logLine: String {
        switch self {
        case .status(let status, let detail):
            let word = Self.word(for: status)
            return detail.map { word + ": " + $0 } ?? word
        case .assigned(let owner, let note):
            return "assigned to \(owner)" + (note.map { ": " + $0 } ?? "")
        case .replied(let text, let done):
            return "replied: \(text)" + (done ? " (done)" : "")
        case .edited:
            return "edited"
        case .logged(let line):
            return line
        }
    }

    /// Reads a log line back; a line no other case renders is `.logged`.
    public init(logLine line: String) {
        if line == "edited" {
            self = .edited
        } else if line.hasPrefix("replied: ") {
            let text = line.dropFirst("replied: ".count)
            let done = text.hasSuffix(" (done)")
            self = .replied(text: String(done ? text.dropLast(" (done)".count) : text), done: done)
        } else if line.hasPrefix("assigned to ") {
            let rest = line.dropFirst("assigned to ".count)
            if let colon = rest.range(of: ": ") {
                self = .assigned(to: String(rest[..<colon.lowerBound]), note: String(rest[colon.upperBound...]))
            } else {
                self = .assigned(to: String(rest), note: nil)
            }
        } else if let status = TaskStatus.allCases.first(where: { Self.word(for: $0) == line }) {
            self = .status(status, detail: nil)
        } else if let status = TaskStatus.allCases.first(where: { line.hasPrefix(Self.word(for: $0) + ": ") }) {
            self = .status(status, detail: String(line.dropFirst(Self.word(for: status).count + 2)))
        } else {
            self = .logged(line)
        }
    }

    /// The word a status change logs: `reopened`, `started`, `blocked`, `done`, `dropped`.
    public static func word(for status: TaskStatus) -> String {
        switch status {
        case .todo: "reopened"
        case .doing: "started"
        case .blocked: "blocked"
        case .done: "done"
        case .dropped: "dropped"
        }
    }
}
