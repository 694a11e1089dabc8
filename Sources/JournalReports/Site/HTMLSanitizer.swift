/// Cleans HTML produced by the Markdown renderer from untrusted text: only a fixed set of tags
/// survives, each with only its safe attributes; every other `<` is shown as text; links and
/// images keep only URLs with a safe scheme (`http`, `https`, `mailto`) or that the `rewrite`
/// function maps to a local file. No scripts, event handlers, styles or frames can get through.
public struct HTMLSanitizer {
    static let plainTags: Set<String> = [
        "p", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "br", "del", "s", "table", "thead", "tbody", "tr", "th", "td",
    ]
    static let voidTags: Set<String> = ["hr", "br", "img"]

    /// Maps a relative link target to a URL for the page, or nil to drop the link (keep its text).
    public var rewrite: (String) -> String?

    public init(rewrite: @escaping (String) -> String? = { _ in nil }) {
        self.rewrite = rewrite
    }

    /// The cleaned HTML.
    public func clean(_ html: String) -> String {
        var out = ""
        var openLinks = 0
        var rest = Substring(html)
        while let lt = rest.firstIndex(of: "<") {
            out += escapeText(rest[..<lt])
            let candidate = rest[lt...]
            if let (tag, length) = HTMLTag.parse(candidate), let rendered = render(tag, openLinks: &openLinks) {
                out += rendered
                rest = candidate.dropFirst(length)
            } else {
                out += "&lt;"
                rest = candidate.dropFirst()
            }
        }
        out += escapeText(rest)
        if openLinks > 0 { out += String(repeating: "</a>", count: openLinks) }
        return out
    }

    /// Text outside tags: `>` and stray quotes escaped, entities kept (the renderer already escaped `&`).
    private func escapeText(_ text: Substring) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case ">": out += "&gt;"
            case "&":
                out += "&"
            default: out.append(ch)
            }
        }
        return out
    }

    private func render(_ tag: HTMLTag, openLinks: inout Int) -> String? {
        let name = tag.name
        if tag.closing {
            if name == "a" {
                guard openLinks > 0 else { return "" }
                openLinks -= 1
                return "</a>"
            }
            guard Self.plainTags.contains(name) else { return nil }
            return Self.voidTags.contains(name) ? "" : "</\(name)>"
        }
        switch name {
        case "a":
            guard let href = tag.attributes["href"].flatMap(safeURL) else { return "" }
            openLinks += 1
            let external = href.hasPrefix("http:") || href.hasPrefix("https:")
            return "<a href=\"\(HTMLText.escape(href))\"" + (external ? " rel=\"noopener noreferrer\"" : "") + ">"
        case "img":
            let alt = HTMLText.escape(URLCheck.decodeEntities(tag.attributes["alt"] ?? ""))
            guard let src = tag.attributes["src"].flatMap(safeURL), !src.hasPrefix("mailto:") else {
                return alt.isEmpty ? "" : "[\(alt)]"
            }
            return "<img src=\"\(HTMLText.escape(src))\" alt=\"\(alt)\" loading=\"lazy\">"
        case "code":
            return "<code>"
        default:
            guard Self.plainTags.contains(name) else { return nil }
            return "<\(name)>"
        }
    }

    /// A URL that may appear on the page: safe scheme, or a relative target the rewrite maps.
    private func safeURL(_ raw: String) -> String? {
        let url = URLCheck.normalized(URLCheck.decodeEntities(raw))
        if let scheme = URLCheck.scheme(url) {
            return ["http", "https", "mailto"].contains(scheme) ? url : nil
        }
        if url.hasPrefix("//") { return nil }
        return rewrite(url)
    }
}
