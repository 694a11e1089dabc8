/// Splits a Markdown file into its YAML front matter and body.
public enum FrontMatter {
    /// The YAML between a first line `---` and the next line `---` (or `...`), and the text after it.
    /// CRLF line ends and a missing final newline are accepted; without front matter `yaml` is nil.
    public static func split(_ text: String) -> (yaml: String?, body: String) {
        let lines = TextLines(text)
        guard let index = closingLineIndex(lines.lines) else { return (nil, text) }
        let yaml = lines.lines[1..<index].map { $0.stripCR() + "\n" }.joined()
        let rest = Array(lines.lines[(index + 1)...])
        var body = rest.joined(separator: "\n")
        if lines.endsWithNewline, !rest.isEmpty { body += "\n" }
        return (yaml, body)
    }

    /// The index of the line closing the front matter, or nil when there is none.
    static func closingLineIndex(_ lines: [String]) -> Int? {
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else { return nil }
        return lines.indices.dropFirst().first { index in
            let trimmed = lines[index].trimmingTrailingSpaces()
            return trimmed == "---" || trimmed == "..."
        }
    }
}

/// A text as lines split on `\n` (a `\r` before it stays in the line), remembering the final newline.
struct TextLines: Sendable, Equatable {
    var lines: [String]
    var endsWithNewline: Bool

    init(_ text: String) {
        var parts = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        endsWithNewline = text.utf8.last == UInt8(ascii: "\n")
        if endsWithNewline { parts.removeLast() }
        lines = text.isEmpty ? [] : parts
    }

    /// The lines joined with `\n`, with a final newline when `endsWithNewline`.
    var text: String {
        let joined = lines.joined(separator: "\n")
        return endsWithNewline && !lines.isEmpty ? joined + "\n" : joined
    }
}

extension String {
    /// The string without one trailing `\r`.
    func stripCR() -> String {
        utf8.last == UInt8(ascii: "\r") ? String(decoding: utf8.dropLast(), as: UTF8.self) : self
    }
}
