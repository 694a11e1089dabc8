extension CommitMessage {
    /// The only word `CommitMessage(parsing: summary)?.author` can be, found without parsing, so a walk
    /// over many commits parses only the summaries that could name someone new: the word after
    /// `note: `, `members: ` or `away: `, or after the first `: ` of `task ...`/`ask ...`; empty when the
    /// summary cannot name an author. Nil when the summary is not ASCII (where words are graphemes,
    /// not bytes): parse it.
    public static func authorWord(inSummary summary: String) -> Substring? {
        let bytes = summary.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let start: String.Index
        if let rest = after("note: ", in: summary) ?? after("members: ", in: summary) ?? after("away: ", in: summary) {
            start = rest
        } else if let rest = after("task ", in: summary) ?? after("ask ", in: summary) {
            guard let colon = firstColonSpace(in: summary[rest...]) else { return "" }
            start = colon
        } else {
            return ""
        }
        let tail = summary[start...]
        return tail[..<(tail.utf8.firstIndex(of: UInt8(ascii: " ")) ?? tail.endIndex)]
    }

    /// Where `summary` continues after `prefix`, or nil when it does not start with it.
    private static func after(_ prefix: String, in summary: String) -> String.Index? {
        guard summary.utf8.starts(with: prefix.utf8) else { return nil }
        return summary.utf8.index(summary.startIndex, offsetBy: prefix.utf8.count)
    }

    /// Just past the first `: ` in `text`.
    private static func firstColonSpace(in text: Substring) -> String.Index? {
        let bytes = text.utf8
        var index = bytes.startIndex
        while let colon = bytes[index...].firstIndex(of: UInt8(ascii: ":")) {
            let next = bytes.index(after: colon)
            if next < bytes.endIndex, bytes[next] == UInt8(ascii: " ") { return bytes.index(after: next) }
            index = next
        }
        return nil
    }
}
