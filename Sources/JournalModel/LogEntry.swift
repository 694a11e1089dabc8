/// One line of a task's `## Log`: `- <timestamp> <author>: <text>`.
public struct LogEntry: Hashable, Sendable {
    public var at: Timestamp
    public var author: String
    public var text: String

    public init(at: Timestamp, author: String, text: String) {
        self.at = at
        self.author = author
        self.text = text
    }

    /// Parses `- 2026-11-24T09:14:05+05:30 priya: created` (`*` bullets and trailing spaces accepted).
    public init?(line: String) {
        let trimmed = line.trimmingTrailingSpaces()
        guard trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") else { return nil }
        let rest = trimmed.dropFirst(2).drop(while: { $0 == " " })
        guard let space = rest.firstIndex(of: " "), let at = Timestamp(iso: String(rest[..<space])) else { return nil }
        let afterTime = rest[space...].drop(while: { $0 == " " })
        guard let colon = afterTime.firstIndex(of: ":") else { return nil }
        let author = String(afterTime[..<colon])
        guard !author.isEmpty, !author.contains(" ") else { return nil }
        var text = afterTime[afterTime.index(after: colon)...]
        if text.first == " " { text = text.dropFirst() }
        self.init(at: at, author: author, text: String(text))
    }

    /// The rendered line, without a newline; the text is forced onto one line.
    public var line: String {
        "- \(at) \(author): \(TextSafety.singleLine(text))"
    }
}
