/// Follows Markdown code fences (```` ``` ```` and `~~~`) line by line, so that a heading inside a code
/// block is not taken for a section: by the task and note readers, and by the merge.
public struct FenceTracker: Sendable {
    private var open: String?

    public init() {}

    /// Feeds one line; true when the line is a fence line or inside a fence.
    public mutating func update(_ line: String) -> Bool {
        let trimmed = line.drop(while: { $0 == " " })
        let marker = trimmed.hasPrefix("```") ? "```" : trimmed.hasPrefix("~~~") ? "~~~" : nil
        if let open {
            if marker == open { self.open = nil }
            return true
        }
        if let marker {
            open = marker
            return true
        }
        return false
    }
}
