extension JournalMerge {
    /// Follows Markdown code fences (```` ``` ```` and `~~~`) line by line, the way the task reader
    /// does, so that a heading inside a code block is not taken for a section.
    struct CodeFence {
        private var open: String?

        /// Feeds one line; true when the line is a fence line or inside a fence.
        mutating func update(_ line: String) -> Bool {
            let trimmed = line.drop { $0 == " " }
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
}
