import Foundation

extension CommitMessage {
    /// Reads a commit message (the whole message, or only its first line) back into what baton wrote;
    /// nil for a message baton does not write. Also reads the note form `note: <author> <day> (<section>)`
    /// of older hand-written messages.
    public init?(parsing message: String) {
        let parts = message.components(separatedBy: "\n\n")
        let summary = String(parts[0].prefix { $0 != "\n" })
        guard let parsed = Self.parseSummary(summary, body: parts.dropFirst()) else { return nil }
        self = parsed
    }

    private static func parseSummary(_ summary: String, body: ArraySlice<String>) -> CommitMessage? {
        if let team = summary.dropPrefix("journal: created for team ") { return .journalCreated(team: team) }
        if let rest = summary.dropPrefix("note: ") { return parseNote(rest) }
        if let rest = summary.dropPrefix("task ") { return parseTask(rest, kind: .task) }
        if let rest = summary.dropPrefix("ask ") { return parseTask(rest, kind: .ask) }
        if let rest = summary.dropPrefix("hand edits: ") { return parseHandEdits(rest) }
        if summary == droppedSummary { return .droppedPaths(items(under: nil, in: body).compactMap(parseDropped)) }
        if let rest = summary.dropPrefix("sync: merge ") { return parseMerge(rest, body: body) }
        if let rest = summary.dropPrefix("members: ") { return parseMember(rest) }
        if let rest = summary.dropPrefix("away: ") { return parseAway(rest) }
        return nil
    }

    /// `<author> <day>`, then nothing, ` (edited)`, ` (undo)`, ` <section>`, ` (<section>, written <day>)` or ` (<section>)`.
    private static func parseNote(_ rest: String) -> CommitMessage? {
        let words = rest.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard words.count >= 2, !words[0].isEmpty, let day = LocalDay(string: words[1]) else { return nil }
        let author = words[0]
        guard words.count == 3 else { return .noteAdded(author: author, day: day, section: .today, writtenOn: nil) }
        var tail = words[2]
        if tail == "(edited)" { return .noteEdited(author: author, day: day) }
        if tail == "(undo)" { return .noteUndone(author: author, day: day) }
        var section = NoteSection.today
        if !tail.hasPrefix("(") {
            let named = tail.prefix { $0 != " " }
            guard let value = NoteSection(rawValue: String(named)) else { return nil }
            section = value
            tail = String(tail.dropFirst(named.count))
            if tail.isEmpty { return .noteAdded(author: author, day: day, section: section, writtenOn: nil) }
            guard let spaced = tail.dropPrefix(" ") else { return nil }
            tail = spaced
        }
        guard tail.hasPrefix("("), tail.hasSuffix(")") else { return nil }
        let inside = String(tail.dropFirst().dropLast())
        if let value = NoteSection(rawValue: inside) {
            return .noteAdded(author: author, day: day, section: value, writtenOn: nil)
        }
        guard let comma = inside.range(of: ", written "),
            let value = NoteSection(rawValue: String(inside[..<comma.lowerBound])),
            let written = LocalDay(string: String(inside[comma.upperBound...]))
        else { return nil }
        return .noteAdded(author: author, day: day, section: value, writtenOn: written)
    }

    /// `<id>: created "<title>" (owner <owner>)`, `<id>: <from> asks <to>, respond by <time>`,
    /// or `<id>: <author> <log line>`. `created` is never read as a handle.
    private static func parseTask(_ rest: String, kind: TaskKind) -> CommitMessage? {
        guard let colon = rest.range(of: ": ") else { return nil }
        let id = String(rest[..<colon.lowerBound])
        guard TaskID.isValid(id) else { return nil }
        let after = String(rest[colon.upperBound...])
        if let created = after.dropPrefix("created ") {
            guard kind == .task, created.hasPrefix("\""), created.hasSuffix(")"),
                let owner = created.range(of: "\" (owner ", options: .backwards),
                owner.lowerBound > created.startIndex
            else { return nil }
            let title = String(created[created.index(after: created.startIndex)..<owner.lowerBound])
            return .taskCreated(id: id, title: title, owner: String(created[owner.upperBound...].dropLast()))
        }
        guard let space = after.firstIndex(of: " "), space > after.startIndex else { return nil }
        let author = String(after[..<space])
        let line = String(after[after.index(after: space)...])
        if kind == .ask, let ask = parseAsk(id: id, from: author, line) { return ask }
        return .taskChanged(kind: kind, id: id, author: author, change: TaskChange(logLine: line))
    }

    /// `asks <to>, respond by 2026-11-25 09:14 +05:30`.
    private static func parseAsk(id: String, from: String, _ line: String) -> CommitMessage? {
        guard let rest = line.dropPrefix("asks "), let comma = rest.range(of: ", respond by ") else { return nil }
        let when = rest[comma.upperBound...].split(separator: " ", omittingEmptySubsequences: false)
        guard when.count == 3, when[1].count == 5,
            let respondBy = Timestamp(iso: "\(when[0])T\(when[1]):00\(when[2])")
        else { return nil }
        return .askMade(id: id, from: from, to: String(rest[..<comma.lowerBound]), respondBy: respondBy)
    }

    /// `<by> added|updated|removed <handle>`.
    private static func parseMember(_ rest: String) -> CommitMessage? {
        let words = rest.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard words.count == 3, !words[0].isEmpty, !words[2].isEmpty,
            let action = MemberAction(rawValue: words[1])
        else { return nil }
        return .memberChanged(by: words[0], handle: words[2], action: action)
    }

    /// `<by> [cancelled ]<from>..<until>`.
    private static func parseAway(_ rest: String) -> CommitMessage? {
        var words = rest.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let cancelled = words.count == 3 && words[1] == "cancelled"
        if cancelled { words.remove(at: 1) }
        guard words.count == 2, !words[0].isEmpty, let period = AwayFile.period(words[1]),
            words[1] == period.span
        else { return nil }
        return .awayChanged(by: words[0], from: period.from, until: period.until, cancelled: cancelled)
    }

    /// `a, b, c, d, e, and 3 more`.
    private static func parseHandEdits(_ rest: String) -> CommitMessage {
        var paths = rest.components(separatedBy: ", ")
        var more = 0
        if paths.count > 1, let last = paths.last?.dropPrefix("and "), last.hasSuffix(" more"),
            let count = Int(last.dropLast(" more".count)), count > 0
        {
            more = count
            paths.removeLast()
        }
        return .handEdits(listed: paths, more: more)
    }

    /// `<authors>'s work (<n> commit(s))` and the lists of the body.
    private static func parseMerge(_ rest: String, body: ArraySlice<String>) -> CommitMessage? {
        guard rest.hasSuffix(" commit(s))"), let work = rest.range(of: "'s work (", options: .backwards),
            let commits = Int(rest[work.upperBound...].dropLast(" commit(s))".count))
        else { return nil }
        let names = String(rest[..<work.lowerBound])
        return .syncMerge(
            authors: names.isEmpty ? [] : names.components(separatedBy: ", "), commits: commits,
            mergedFiles: items(under: mergedHeading, in: body), keptBeside: items(under: keptHeading, in: body),
            settled: items(under: settledHeading, in: body).compactMap(SettledCollision.init(line:)))
    }

    /// `<path> (from <commit> by <author>)`.
    private static func parseDropped(_ item: String) -> DroppedPath? {
        guard item.hasSuffix(")"), let from = item.range(of: " (from ", options: .backwards) else { return nil }
        let origin = item[from.upperBound...].dropLast()
        guard let by = origin.range(of: " by ") else { return nil }
        return DroppedPath(
            path: String(item[..<from.lowerBound]), commit: String(origin[..<by.lowerBound]),
            author: String(origin[by.upperBound...]))
    }

    /// The `- <item>` lines of the body paragraph under `heading` (or of the first paragraph, for nil).
    private static func items(under heading: String?, in body: ArraySlice<String>) -> [String] {
        let paragraph: [Substring]
        if let heading {
            guard let found = body.first(where: { $0.hasPrefix(heading + "\n") }) else { return [] }
            paragraph = found.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().map { $0 }
        } else {
            guard let first = body.first else { return [] }
            paragraph = first.split(separator: "\n", omittingEmptySubsequences: false)
        }
        return paragraph.compactMap { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : nil }
    }
}

extension String {
    /// The rest of the string after `prefix`, or nil when it does not start with it.
    fileprivate func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
