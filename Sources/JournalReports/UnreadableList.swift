import Foundation
import JournalModel
import JournalSync

/// The files a view could not read, in each format: the "could not read" section of text, Markdown
/// and HTML, and `unreadable: [{path, error}]` in JSON.
public enum UnreadableList {
    /// Heading of the section.
    public static let heading = "Could not read"

    /// Lines for a terminal or Markdown (nothing when every file was read).
    public static func lines(_ files: [UnreadableFile], markdown: Bool, style: TextStyle) -> [String] {
        guard !files.isEmpty else { return [] }
        let title = "\(heading) (\(files.count))"
        var lines = [markdown ? "## \(title)" : style.heading(title)]
        for file in files {
            let path = TerminalText.clean(file.path, keepNewlines: false)
            let reason = TerminalText.clean(file.message, keepNewlines: false)
            lines.append(
                markdown
                    ? "- `\(path.replacingOccurrences(of: "`", with: "'"))`: \(reason)" : "    - \(path): \(reason)")
        }
        return lines
    }

    /// A card for HTML pages (nothing when every file was read).
    static func html(_ files: [UnreadableFile], _ p: HTMLParts) -> String {
        guard !files.isEmpty else { return "" }
        let items = files.map { "<code>\(p.e($0.path))</code>: \(p.e($0.message))" }
        return "<section class=\"card alert unreadable\"><h2>\(heading)<span class=\"count\">\(files.count)</span></h2>"
            + p.list(items, empty: "") + "</section>"
    }

    /// `[{"path": ..., "error": ...}]`.
    public static func json(_ files: [UnreadableFile]) -> [[String: String]] {
        files.map { ["path": $0.path, "error": $0.message] }
    }
}
