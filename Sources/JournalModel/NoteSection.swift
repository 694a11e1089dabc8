/// The three sections of a daily note, in file order.
public enum NoteSection: String, CaseIterable, Sendable {
    case yesterday, today, blockers

    /// The heading text: "Yesterday", "Today", "Blockers".
    public var heading: String {
        switch self {
        case .yesterday: "Yesterday"
        case .today: "Today"
        case .blockers: "Blockers"
        }
    }

    /// The heading line, `## Today`.
    public var headingLine: String { "## " + heading }

    /// The section a heading line names (`## today` too), or nil.
    init?(headingLine line: String) {
        let trimmed = line.trimmingTrailingSpaces()
        guard trimmed.hasPrefix("## ") else { return nil }
        let name = trimmed.dropFirst(3).trimmingWhitespaceSubstring().lowercased()
        guard let section = NoteSection(rawValue: name) else { return nil }
        self = section
    }
}

extension Substring {
    func trimmingWhitespaceSubstring() -> String { String(self).trimmingWhitespace() }
}
