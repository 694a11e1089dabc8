import Foundation
import JournalModel

/// Finds links to the journal's `attachments/` folder in Markdown text.
public enum AttachmentLinks {
    /// Journal-relative paths (`attachments/...`) of the Markdown links and images in `text`.
    public static func paths(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "](") {
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: ")") else { break }
            let target = String(after[..<close])
            if let path = journalPath(target) { found.append(path) }
            rest = after[close...]
        }
        return found
    }

    /// `attachments/...` for a link target like `../../../attachments/priya/x.png`, else nil.
    public static func journalPath(_ target: String) -> String? {
        var t = Substring(target.trimmingCharacters(in: .whitespaces))
        while t.hasPrefix("../") { t = t.dropFirst(3) }
        if t.hasPrefix("./") { t = t.dropFirst(2) }
        let prefix = JournalLayout.attachmentsFolder + "/"
        guard t.hasPrefix(prefix), !t.contains(".."), !t.contains("\\") else { return nil }
        return String(t)
    }
}
