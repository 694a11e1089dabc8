import Foundation
import JournalModel

/// Where pages and files are, relative to the page being written; nil when there is no such page.
public struct SiteLinks: Sendable {
    /// Relative path from the current page to the site's top: `""` or `"../"`.
    public var root: String
    /// Whether the site has pages for tasks, people and weeks (false for a single digest page).
    public var hasPages: Bool
    /// Journal-relative attachment paths copied into the site.
    public var attachments: Set<String>

    public init(root: String, hasPages: Bool, attachments: Set<String> = []) {
        self.root = root
        self.hasPages = hasPages
        self.attachments = attachments
    }

    public func task(_ id: String) -> String? { hasPages && TaskID.isValid(id) ? "\(root)tasks/\(id).html" : nil }
    public func person(_ handle: String) -> String? {
        hasPages && Handle.isValid(handle) ? "\(root)people/\(handle).html" : nil
    }
    /// The page of the ISO week that holds `day`: `weeks/2026-W49.html`.
    public func week(_ day: LocalDay) -> String? { hasPages ? "\(root)weeks/\(ISOWeek(containing: day)).html" : nil }

    /// The page URL of a link target written in a journal file (e.g. `../../../attachments/priya/x.png`).
    public func attachment(_ target: String) -> String? {
        guard let path = AttachmentLinks.journalPath(target), attachments.contains(path) else { return nil }
        return root + path.split(separator: "/").map { SiteLinks.percentEncode(String($0)) }.joined(separator: "/")
    }

    /// Markdown rendering that maps attachment links to the copies in the site.
    public var markdown: MarkdownHTML { MarkdownHTML(rewrite: { [self] in attachment($0) }) }

    /// Percent-encodes everything but unreserved characters.
    static func percentEncode(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~".contains(c)) {
                out.append(c)
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
