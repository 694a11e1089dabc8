/// One line of a task's `## Log`: `- <timestamp> <author>: <text>`.
public struct LogEntry: Hashable, Sendable {
    public var at: Timestamp
    public var author: String
    public var text: String
    /// Indented lines written by hand under the entry (docs/FORMAT.md), kept with it as they are.
    public var continuation: [String] = []

    public init(at: Timestamp, author: String, text: String, continuation: [String] = []) {
        self.at = at
        self.author = author
        self.text = text
        self.continuation = continuation
    }

    /// True for a line that continues the entry above it: indented and not blank.
    public static func isContinuation(_ line: String) -> Bool {
        guard let first = line.utf8.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") else {
            return false
        }
        return line.utf8.contains { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
    }

    /// Parses `- 2026-11-24T09:14:05+05:30 priya: created` (`*` bullets and trailing spaces accepted).
    public init?(line: String) {
        // On UTF-8 code units: every delimiter is ASCII, and a task's log has a line per change.
        let u = line.utf8
        var end = u.endIndex
        while end > u.startIndex {
            let byte = u[u.index(before: end)]
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") else { break }
            end = u.index(before: end)
        }
        var i = u.startIndex
        guard u.distance(from: i, to: end) >= 2, u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "*"),
            u[u.index(after: i)] == UInt8(ascii: " ")
        else { return nil }
        i = u.index(i, offsetBy: 2)
        while i < end, u[i] == UInt8(ascii: " ") { i = u.index(after: i) }
        guard let space = u[i..<end].firstIndex(of: UInt8(ascii: " ")), let at = Timestamp(iso: String(line[i..<space]))
        else { return nil }
        var j = space
        while j < end, u[j] == UInt8(ascii: " ") { j = u.index(after: j) }
        guard let colon = u[j..<end].firstIndex(of: UInt8(ascii: ":")), colon > j,
            !u[j..<colon].contains(UInt8(ascii: " "))
        else { return nil }
        var textStart = u.index(after: colon)
        if textStart < end, u[textStart] == UInt8(ascii: " ") { textStart = u.index(after: textStart) }
        self.init(at: at, author: String(line[j..<colon]), text: String(line[textStart..<end]))
    }

    /// The rendered line, without a newline; the text is forced onto one line.
    public var line: String {
        "- \(at) \(author): \(TextSafety.singleLine(text))"
    }

    /// The rendered entry: its line, then its continuation lines.
    public var lines: [String] { [line] + continuation }
}
