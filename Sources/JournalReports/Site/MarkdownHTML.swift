import Foundation
import Ink

/// Renders teammates' Markdown to safe HTML: Ink does the Markdown, `HTMLSanitizer` removes
/// anything that could run or load (raw HTML, event handlers, `javascript:` and `data:` URLs).
public struct MarkdownHTML {
    let sanitizer: HTMLSanitizer

    /// `rewrite` maps relative link targets (e.g. attachments) to page URLs; others are dropped.
    public init(rewrite: @escaping (String) -> String? = { _ in nil }) {
        sanitizer = HTMLSanitizer(rewrite: rewrite)
    }

    /// Block HTML (paragraphs, lists ...) for `markdown`.
    public func render(_ markdown: String) -> String {
        let parser = MarkdownParser()
        return sanitizer.clean(parser.html(from: markdown))
    }

    /// HTML for one line of text, without the wrapping paragraph.
    public func inline(_ markdown: String) -> String {
        var html = render(markdown).trimmingCharacters(in: .whitespacesAndNewlines)
        if html.hasPrefix("<p>"), html.hasSuffix("</p>"), html.components(separatedBy: "<p>").count == 2 {
            html = String(html.dropFirst(3).dropLast(4))
        }
        return html
    }
}
