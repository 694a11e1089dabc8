import Foundation

/// Rewrites the `members:` block of `baton.yml` text and leaves every other line (keys, comments,
/// blank lines) exactly as it was.
public enum RosterEdit {
    /// `yaml` with its `members:` block replaced by `members` (appended when the file has none; removed
    /// when `members` is nil). A comment or key at the start of a line ends the block.
    public static func replacingMembers(in yaml: String, with members: [Member]?) -> String {
        let text = yaml.replacingOccurrences(of: "\r\n", with: "\n")
        var lines = text.components(separatedBy: "\n")
        let endsWithNewline = text.hasSuffix("\n")
        if endsWithNewline { lines.removeLast() }
        var config = JournalConfig()
        config.members = members
        let block = config.renderMembers().split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .map(String.init)
        guard let start = lines.firstIndex(where: isMembersKey) else {
            guard !block.isEmpty else { return yaml }
            let body = lines.isEmpty || lines == [""] ? [] : lines
            return (body + block).joined(separator: "\n") + "\n"
        }
        var end = start + 1
        while end < lines.count, belongsToBlock(lines[end]) { end += 1 }
        // Blank lines just before the next key stay with it.
        while end > start + 1, lines[end - 1].trimmingWhitespace().isEmpty { end -= 1 }
        lines.replaceSubrange(start..<end, with: block)
        return lines.joined(separator: "\n") + (endsWithNewline || !lines.isEmpty ? "\n" : "")
    }

    /// `members:` at the start of a line (the top-level key).
    private static func isMembersKey(_ line: String) -> Bool {
        guard line.hasPrefix("members") else { return false }
        return line.dropFirst("members".count).drop { $0 == " " || $0 == "\t" }.first == ":"
    }

    /// An indented line, a list item at the margin, or a blank line: still inside the block.
    private static func belongsToBlock(_ line: String) -> Bool {
        guard let first = line.first else { return true }
        return first == " " || first == "\t" || first == "-"
    }
}
