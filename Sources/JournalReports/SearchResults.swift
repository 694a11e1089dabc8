import Foundation
import JournalModel

/// Search hits for the terminal: one line each, `day  author  file  line`, the words highlighted.
public enum SearchResults {
    /// The hits as aligned lines; every teammate's byte is made terminal-safe before the words are marked.
    public static func render(_ hits: [SearchHit], terms: SearchTerms, style: TextStyle) -> String {
        if hits.isEmpty {
            let words = safe(terms.words.joined(separator: " "), keepNewlines: false)
            return "No matches for \"\(words)\"."
        }
        let authors = hits.map { safe($0.author, keepNewlines: false) }
        let authorWidth = authors.map(\.count).max() ?? 0
        let paths = hits.map { safe($0.path, keepNewlines: false) }
        let pathWidth = paths.map(\.count).max() ?? 0
        // One string grown in place, not a string per line joined afterwards: a search of a ten-year
        // journal can print a hundred thousand lines.
        var out = ""
        out.reserveCapacity(hits.reduce(0) { $0 + $1.line.utf8.count + authorWidth + pathWidth + 40 })
        for (k, hit) in hits.enumerated() {
            if k > 0 { out += "\n" }
            out += style.dim(hit.day.description)
            out += "  "
            out += padded(authors[k], authorWidth)
            out += "  "
            out += style.id(padded(paths[k], pathWidth))
            out += "  "
            out += highlighted(safe(hit.line, keepNewlines: false), terms: terms, style: style)
        }
        return out
    }

    /// `TerminalText.clean` without line breaks; printable ASCII (most lines) is already safe.
    static func safe(_ text: String, keepNewlines: Bool = false) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        return TerminalText.clean(text, keepNewlines: keepNewlines)
    }

    /// `text` with spaces up to `width` characters.
    static func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// `line` with each found word wrapped in the match style.
    static func highlighted(_ line: String, terms: SearchTerms, style: TextStyle) -> String {
        guard style.color, let ranges = terms.matches(in: line) else { return line }
        var out = ""
        var last = line.startIndex
        for range in ranges {
            out += line[last..<range.lowerBound]
            out += style.match(String(line[range]))
            last = range.upperBound
        }
        return out + line[last...]
    }
}

extension TextStyle {
    /// A found word in search results.
    public func match(_ text: String) -> String { wrap(text, "1;31") }
}

/// The stable JSON shape of a search hit (documented in README's "JSON output").
public struct SearchHitJSON: Encodable, Sendable {
    let file: String
    let kind: String
    let part: String
    let id: String?
    let title: String?
    let day: String
    let author: String
    let at: String
    let line: String

    public init(_ hit: SearchHit) {
        file = hit.path
        kind = hit.kind.rawValue
        part = hit.part.rawValue
        id = hit.taskID
        title = hit.title
        day = hit.day.description
        author = hit.author
        at = Timestamp(date: hit.at, offsetSeconds: 0).description
        line = hit.line
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(kind, forKey: .kind)
        try c.encode(part, forKey: .part)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(day, forKey: .day)
        try c.encode(author, forKey: .author)
        try c.encode(at, forKey: .at)
        try c.encode(line, forKey: .line)
    }

    enum CodingKeys: String, CodingKey {
        case file, kind, part, id, title, day, author, at, line
    }
}
