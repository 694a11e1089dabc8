/// A daily note kept as its raw lines, so appending a bullet keeps every hand-written byte.
public struct DailyNote: Sendable, Equatable {
    /// The `author` front matter field.
    public private(set) var author: String?
    /// The `date` front matter field.
    public private(set) var date: LocalDay?
    /// The `utc_offset` front matter field.
    public private(set) var utcOffset: String?
    var text: TextLines
    private let bodyStart: Int
    private let newlineSuffix: String

    /// Reads a note; only broken front matter YAML is an error (`ModelError.badFrontMatter`).
    public static func parse(_ text: String, path: String) throws -> DailyNote {
        try ModelError.checkSize(text, path: path)
        let (yaml, _) = FrontMatter.split(text)
        var fields: [YAMLField] = []
        if let yaml {
            do {
                fields = try YAMLFields.parse(yaml, firstLine: 2)
            } catch let error as YAMLFieldsError {
                throw ModelError.badFrontMatter(path: path, detail: error.detail)
            }
        }
        return DailyNote(text: text, fields: fields)
    }

    private init(text raw: String, fields: [YAMLField]) {
        text = TextLines(raw)
        bodyStart = FrontMatter.closingLineIndex(text.lines).map { $0 + 1 } ?? 0
        newlineSuffix = text.lines.first?.utf8.last == UInt8(ascii: "\r") ? "\r" : ""
        func value(_ key: String) -> String? {
            guard let value = fields.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
            return value.text?.trimmingWhitespace()
        }
        author = value("author")
        date = value("date").flatMap { LocalDay(string: $0) }
        utcOffset = value("utc_offset")
    }

    /// The texts of the bullets in a section (after `- `), continuation lines joined with `\n`.
    public func bullets(in section: NoteSection) -> [String] {
        var result: [String] = []
        for range in ranges(of: section) {
            var current: String?
            for raw in text.lines[range] {
                let line = raw.stripCR()
                if line.hasPrefix("- ") || line.hasPrefix("* ") {
                    if let current { result.append(current) }
                    current = String(line.dropFirst(2)).trimmingTrailingSpaces()
                } else if let open = current, line.hasPrefix("  "), !line.trimmingWhitespace().isEmpty {
                    current = open + "\n" + String(line.dropFirst(2)).trimmingTrailingSpaces()
                } else if let open = current {
                    result.append(open)
                    current = nil
                }
            }
            if let current { result.append(current) }
        }
        return result
    }

    /// The bullets of a section split into an optional `HH:MM` time and the text.
    public func entries(in section: NoteSection) -> [NoteBullet] {
        bullets(in: section).map(NoteBullet.init(bullet:))
    }

    /// Adds `- HH:MM text` (author's local time) at the end of `section`, creating the heading
    /// in its place if missing; further lines of `text` continue indented by two spaces.
    public mutating func append(_ entry: String, to section: NoteSection, at time: Timestamp) {
        let bullet = DailyNote.bulletLines(entry, time: time.localTimeHHMM)
        if let range = ranges(of: section).last {
            let heading = range.lowerBound - 1
            let lastContent = range.last { !isBlank(text.lines[$0]) } ?? heading
            let block = (lastContent == heading ? [""] : []) + bullet
            insert(block, at: lastContent + 1)
        } else if let next = firstHeading(after: section) {
            let needsGap = next > bodyStart && !isBlank(text.lines[next - 1])
            insert((needsGap ? [""] : []) + [section.headingLine, ""] + bullet, at: next)
        } else {
            let needsGap = text.lines.count > bodyStart && !(text.lines.last.map(isBlank) ?? true)
            insert((needsGap ? [""] : []) + [section.headingLine, ""] + bullet, at: text.lines.count)
        }
    }

    /// The note text.
    public func render() -> String { text.text }

    // MARK: - structure

    /// Inserts lines at `index`, adding a blank line before a following non-blank line.
    private mutating func insert(_ block: [String], at index: Int) {
        var block = block
        if index < text.lines.count, !isBlank(text.lines[index]) { block.append("") }
        text.lines.insert(contentsOf: block.map { $0 + newlineSuffix }, at: index)
        if index >= text.lines.count - block.count { text.endsWithNewline = true }
    }

    private func isBlank(_ line: String) -> Bool { line.trimmingWhitespace().isEmpty }

    /// Line indexes of the `## ` headings in the body (outside code fences), with the section each names.
    private var headings: [(index: Int, section: NoteSection?)] {
        var fence = FenceTracker()
        var result: [(Int, NoteSection?)] = []
        for index in bodyStart..<max(bodyStart, text.lines.count) {
            let line = text.lines[index]
            if fence.update(line) { continue }
            let trimmed = line.trimmingTrailingSpaces()
            if trimmed == "##" || trimmed.hasPrefix("## ") { result.append((index, NoteSection(headingLine: line))) }
        }
        return result
    }

    /// The content line ranges (after the heading, up to the next `## ` heading) of every heading of `section`.
    func ranges(of section: NoteSection) -> [Range<Int>] {
        let all = headings
        return all.enumerated().compactMap { position, heading in
            guard heading.section == section else { return nil }
            let end = position + 1 < all.count ? all[position + 1].index : text.lines.count
            return (heading.index + 1)..<end
        }
    }

    /// The first heading of a section that comes after `section` in the standard order.
    private func firstHeading(after section: NoteSection) -> Int? {
        let later = NoteSection.allCases.drop(while: { $0 != section }).dropFirst()
        return headings.first { heading in heading.section.map(later.contains) ?? false }?.index
    }

    static func bulletLines(_ entry: String, time: String) -> [String] {
        let lines = TextLines(entry).lines.map(TextSafety.singleLine).filter { !$0.isEmpty }
        guard let first = lines.first else { return ["- \(time)"] }
        return ["- \(time) \(first)"] + lines.dropFirst().map { "  " + $0 }
    }
}

/// One bullet of a daily note: `HH:MM` (when present) and the text.
public struct NoteBullet: Sendable, Equatable {
    public var time: String?
    public var text: String

    public init(time: String?, text: String) {
        self.time = time
        self.text = text
    }

    init(bullet: String) {
        let bytes = Array(bullet.utf8)
        let isTime =
            bytes.count >= 5 && bytes[2] == UInt8(ascii: ":")
            && [0, 1, 3, 4].allSatisfy { (48...57).contains(bytes[$0]) }
            && (bytes.count == 5 || bytes[5] == UInt8(ascii: " "))
        if isTime {
            self.init(time: String(bullet.prefix(5)), text: String(bullet.dropFirst(6)))
        } else {
            self.init(time: nil, text: bullet)
        }
    }
}
