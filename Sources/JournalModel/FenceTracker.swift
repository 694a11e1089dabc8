/// Follows Markdown code fences (```` ``` ```` and `~~~`) line by line, so that a heading inside a code
/// block is not taken for a section: by the task and note readers, and by the merge. As in CommonMark,
/// an opening fence may carry an info string (```` ```swift ````), a closing one only spaces.
public struct FenceTracker: Sendable {
    private var open: Character?

    public init() {}

    /// Feeds one line; true when the line is a fence line or inside a fence.
    public mutating func update(_ line: String) -> Bool {
        let trimmed = line.drop(while: { $0 == " " })
        let marker: Character? = trimmed.hasPrefix("```") ? "`" : trimmed.hasPrefix("~~~") ? "~" : nil
        if let open {
            if marker == open, trimmed.allSatisfy({ $0 == open || $0 == " " || $0 == "\t" || $0 == "\r" }) {
                self.open = nil
            }
            return true
        }
        if let marker {
            open = marker
            return true
        }
        return false
    }

    /// The index of a task body's `## Log` heading (any case, trailing spaces allowed): the first one
    /// outside code fences; when a fence left open by a hand edit hides every one, the last one, so a
    /// broken fence never makes the log read as description.
    public static func logHeadingIndex(_ lines: [String]) -> Int? {
        func isHeading(_ line: String) -> Bool {
            var end = line.endIndex
            while end > line.startIndex, [" ", "\t", "\r"].contains(line[line.index(before: end)]) {
                end = line.index(before: end)
            }
            return line[..<end].lowercased() == "## log"
        }
        var fence = FenceTracker()
        if let outside = lines.firstIndex(where: { !fence.update($0) && isHeading($0) }) { return outside }
        return lines.lastIndex(where: isHeading)
    }
}
